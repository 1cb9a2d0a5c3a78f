# syntax=docker/dockerfile:1
FROM python:3.12-slim
ENV PIP_CACHE_DIR=/var/cache/pip
RUN --mount=type=cache,target=/var/cache/pip \
    python -m pip install requests
