FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y wget && wget https://example.com/x
