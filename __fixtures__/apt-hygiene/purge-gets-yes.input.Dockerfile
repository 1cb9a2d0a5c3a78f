FROM debian:bookworm
RUN apt-get purge --auto-remove gcc
