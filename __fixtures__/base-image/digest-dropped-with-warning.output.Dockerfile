FROM debian:bookworm-slim
CMD ["true"]
