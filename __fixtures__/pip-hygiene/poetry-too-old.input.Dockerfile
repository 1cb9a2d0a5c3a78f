# expect: older than Poetry 1.2
FROM python:3.12-slim
ENV POETRY_VERSION=1.1.13
RUN pip install "poetry==$POETRY_VERSION"
RUN poetry install
