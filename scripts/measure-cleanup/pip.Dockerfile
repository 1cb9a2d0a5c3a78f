# pip installs from a local index (scripts/measure-caches/index_server.py): pip keeps the wheels it
# downloaded in /root/.cache/pip (only from https or --trusted-host origins).
FROM python:3.11-slim
ARG INDEX_URL
RUN pip install --index-url "$INDEX_URL" --trusted-host 127.0.0.1 --target /opt/pylibs setuptools wheel
ENV PYTHONPATH=/opt/pylibs
CMD ["python3", "-c", "import setuptools, wheel; print(setuptools.__version__)"]
