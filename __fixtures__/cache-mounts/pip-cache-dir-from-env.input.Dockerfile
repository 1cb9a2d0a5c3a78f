FROM python:3.12-slim
ENV PIP_CACHE_DIR=/var/cache/pip
RUN python -m pip install --no-cache-dir requests && rm -rf /var/cache/pip
