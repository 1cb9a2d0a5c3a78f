FROM debian:bookworm
RUN for d in a b; do mkdir -p /srv/$d; done
RUN ls /srv
