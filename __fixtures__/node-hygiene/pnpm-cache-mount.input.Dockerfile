# expect: cache mount
FROM node:20-bookworm
WORKDIR /app
COPY package*.json ./
ENV PNPM_HOME=/pnpm
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
