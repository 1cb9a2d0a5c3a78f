# node-hygiene example: Node.js and npm from Debian, packages from the npm registry.
FROM localhost/dockopt-measure-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN npm install express@4.19.2 typescript@5.4.5
