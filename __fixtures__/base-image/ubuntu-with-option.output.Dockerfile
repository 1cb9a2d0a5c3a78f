FROM debian:bookworm-slim
COPY bin/tool /usr/local/bin/tool
CMD ["tool"]
