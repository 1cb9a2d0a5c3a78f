FROM --platform=linux/arm64 node:22-bookworm-slim
CMD ["node", "-e", "1"]
