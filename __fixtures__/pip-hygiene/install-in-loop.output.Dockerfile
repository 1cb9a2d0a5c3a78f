FROM python:3.12-slim
RUN for r in requirements/*.txt; do pip install --no-cache-dir -r "$r"; done
