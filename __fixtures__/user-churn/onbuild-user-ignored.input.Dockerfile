# expect-none
FROM debian:bookworm
USER app
ONBUILD USER root
USER root
RUN id
