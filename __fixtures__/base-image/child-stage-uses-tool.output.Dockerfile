FROM python:3.12-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
WORKDIR /app

FROM base AS test
RUN make test
