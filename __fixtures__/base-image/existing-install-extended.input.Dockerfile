FROM node:20
RUN apt-get update && \
    apt-get install -y --no-install-recommends jq && \
    rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/x.sh -o /x.sh
CMD ["node", "index.js"]
