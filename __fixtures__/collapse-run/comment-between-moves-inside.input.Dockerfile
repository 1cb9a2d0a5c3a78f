FROM debian:bookworm
RUN mkdir -p /opt/app
# make the data folder too
# (it is owned by root)
RUN mkdir -p /data
