# expect: the stage has an ENTRYPOINT (line 3)
FROM debian:bookworm
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD nginx -g daemon\ off;
