FROM debian:bookworm
COPY entrypoint.sh /entrypoint.sh
CMD /entrypoint.sh
