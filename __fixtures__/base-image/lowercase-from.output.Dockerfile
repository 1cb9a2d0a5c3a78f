from node:20-slim
run apt-get update && apt-get install -y --no-install-recommends git ca-certificates && rm -rf /var/lib/apt/lists/*
run git clone https://example.com/r.git /r
cmd ["node", "/r/index.js"]
