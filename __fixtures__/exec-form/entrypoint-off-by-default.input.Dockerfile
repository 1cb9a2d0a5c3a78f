# expect: in JSON form it would receive `docker run` arguments
FROM debian:bookworm
ENTRYPOINT /opt/app --serve
