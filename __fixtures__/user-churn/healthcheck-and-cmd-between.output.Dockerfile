FROM debian:bookworm
HEALTHCHECK CMD ["true"]
CMD ["server"]
USER nobody
