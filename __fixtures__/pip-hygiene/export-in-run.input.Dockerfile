# expect-none
FROM python:3.12-slim
RUN export PIP_NO_CACHE_DIR=1 && pip install flask
