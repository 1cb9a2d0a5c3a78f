FROM debian:bookworm
COPY app.tgz /tmp/
ENV APP_HOME=/opt/app
WORKDIR /opt
RUN tar -xzf /tmp/app.tgz && rm /tmp/app.tgz
