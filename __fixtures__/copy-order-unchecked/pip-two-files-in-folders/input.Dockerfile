FROM python:3.12-slim
COPY . /app
WORKDIR /app
RUN pip install -r requirements/base.txt -c constraints.txt
