FROM debian:bookworm
RUN mkdir /data
RUN grep -q "^level=" /etc/app.conf || echo "level=3" >> /etc/app.conf
