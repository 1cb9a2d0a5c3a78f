FROM alpine
LABEL a=b
ENV A=1
ARG B
WORKDIR /app
COPY . .
ADD x.tgz /opt/
EXPOSE 80
VOLUME /data
USER nobody
SHELL ["/bin/sh", "-c"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app"]
