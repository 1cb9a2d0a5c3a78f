FROM python:3.12
WORKDIR /app
COPY *.pyc ./
COPY . .
