# expect: would fail on the cache mount point /root/.cache/pip
FROM python:3.12-slim
RUN pip install requests && rm -rf /root/.cache
