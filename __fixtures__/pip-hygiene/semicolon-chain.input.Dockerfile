FROM python:3.12-slim
RUN pip install -U pip; pip install flask
