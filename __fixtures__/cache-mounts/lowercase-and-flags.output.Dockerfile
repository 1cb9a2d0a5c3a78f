# syntax=docker/dockerfile:1
from python:3.12-slim
run --network=host --mount=type=cache,target=/root/.cache/pip \
    pip install requests
