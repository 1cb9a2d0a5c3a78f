FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.2
RUN poetry install --no-cache --no-root
