FROM debian:bookworm
RUN mkdir /data && \
    { grep -q "^level=" /etc/app.conf || echo "level=3" >> /etc/app.conf; }
