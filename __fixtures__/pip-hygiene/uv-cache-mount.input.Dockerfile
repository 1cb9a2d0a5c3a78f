# expect: cache mount
FROM python:3.12-slim
RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen
