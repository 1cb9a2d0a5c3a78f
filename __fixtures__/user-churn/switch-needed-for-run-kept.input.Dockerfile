# expect-none
FROM debian:bookworm
USER root
RUN apt-get update
USER app
RUN make
