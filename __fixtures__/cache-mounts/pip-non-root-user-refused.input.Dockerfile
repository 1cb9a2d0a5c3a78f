# expect: runs as USER app
FROM python:3.12-slim
USER app
RUN pip install --user --no-cache-dir requests
