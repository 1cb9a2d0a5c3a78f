FROM --platform=linux/arm64 node:22-bookworm
CMD ["node", "-e", "1"]
