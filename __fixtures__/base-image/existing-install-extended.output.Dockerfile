FROM node:20-slim
RUN apt-get update && \
    apt-get install -y --no-install-recommends jq curl ca-certificates && \
    rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/x.sh -o /x.sh
CMD ["node", "index.js"]
