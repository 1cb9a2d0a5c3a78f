FROM debian:bookworm
USER app
RUN id
# back to app
USER app
CMD ["id"]
