# syntax=docker/dockerfile:1
FROM python:3.12
WORKDIR /app
RUN --mount=type=bind,source=.venv,target=/venv ls /venv
COPY . .
