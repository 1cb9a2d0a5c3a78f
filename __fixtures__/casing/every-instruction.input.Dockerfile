from alpine
label a=b
env A=1
arg B
workdir /app
copy . .
add x.tgz /opt/
expose 80
volume /data
user nobody
shell ["/bin/sh", "-c"]
stopsignal SIGTERM
entrypoint ["/app"]
