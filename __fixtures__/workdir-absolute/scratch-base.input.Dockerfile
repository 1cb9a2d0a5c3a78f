FROM scratch
WORKDIR data
