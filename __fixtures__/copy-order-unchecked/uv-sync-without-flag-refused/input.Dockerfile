# expect: `uv sync` without --no-install-project
FROM python:3.12
WORKDIR /app
COPY . .
RUN uv sync --frozen
