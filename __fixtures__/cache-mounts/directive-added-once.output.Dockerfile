# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends gcc
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install numpy
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install pandas
