FROM python:3.12-slim
RUN pip install poetry==1.8.2
RUN poetry install --no-root
