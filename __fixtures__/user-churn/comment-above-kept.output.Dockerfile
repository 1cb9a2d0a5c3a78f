FROM debian:bookworm
USER app
RUN id
# back to app
CMD ["id"]
