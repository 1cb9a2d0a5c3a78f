FROM python:3.12-slim
WORKDIR /app
COPY pyproject.toml poetry.lock ./
RUN pip install poetry==1.8.3 && poetry config virtualenvs.create false && poetry install --no-root --only main
COPY . .
RUN python -m compileall .
