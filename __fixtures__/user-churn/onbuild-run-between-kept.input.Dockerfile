# expect-none
FROM debian:bookworm
USER app
ONBUILD RUN id
USER root
