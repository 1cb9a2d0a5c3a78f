FROM node:20
WORKDIR /app
COPY package.json pnpm-lock.yaml* .pnpmfile.cjs* .npmrc* ./
RUN pnpm install --frozen-lockfile
COPY . .
