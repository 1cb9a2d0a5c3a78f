# expect-none
FROM debian:bookworm
USER app
RUN whoami
USER root
RUN apt-get install -y curl
USER app
