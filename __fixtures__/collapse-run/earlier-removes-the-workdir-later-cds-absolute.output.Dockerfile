FROM debian:bookworm
WORKDIR /srv/app
RUN rm -rf /srv/app && \
    cd /srv && touch ready
