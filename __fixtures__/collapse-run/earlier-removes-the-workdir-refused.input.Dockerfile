# expect: the earlier RUN removes its working directory (`rm -rf /srv/app`)
FROM debian:bookworm
WORKDIR /srv/app
RUN rm -rf /srv/app
RUN touch ready
