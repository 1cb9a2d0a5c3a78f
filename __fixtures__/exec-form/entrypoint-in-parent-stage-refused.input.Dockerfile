# expect: the stage has an ENTRYPOINT (line 3)
FROM debian:bookworm AS base
ENTRYPOINT ["tini", "--"]
FROM base
CMD /opt/app
