FROM python:3.12
WORKDIR /app
COPY pyproject.toml poetry.lock* poetry.toml* ./
RUN poetry install --no-root
COPY . .
