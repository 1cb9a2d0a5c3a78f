FROM python:3.12-slim
RUN uv pip install --no-cache --system flask && uv sync --no-cache --frozen
