FROM python:3.12-slim
RUN uv pip install --system flask && uv sync --frozen
