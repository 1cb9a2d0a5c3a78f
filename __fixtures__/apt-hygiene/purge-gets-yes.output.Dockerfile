FROM debian:bookworm
RUN apt-get purge -y --auto-remove gcc
