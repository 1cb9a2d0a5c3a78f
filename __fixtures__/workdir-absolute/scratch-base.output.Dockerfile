FROM scratch
WORKDIR /data
