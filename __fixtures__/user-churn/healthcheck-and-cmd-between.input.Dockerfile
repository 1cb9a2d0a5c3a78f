FROM debian:bookworm
USER root
HEALTHCHECK CMD ["true"]
CMD ["server"]
USER nobody
