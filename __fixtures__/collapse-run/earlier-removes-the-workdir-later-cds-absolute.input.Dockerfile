FROM debian:bookworm
WORKDIR /srv/app
RUN rm -rf /srv/app
RUN cd /srv && touch ready
