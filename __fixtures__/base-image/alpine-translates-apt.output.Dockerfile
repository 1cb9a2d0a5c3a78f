FROM python:3.12-alpine
RUN apk add --no-cache \
        libpq-dev \
        zlib-dev && \
    rm -rf /var/lib/apt/lists/*
CMD ["python", "app.py"]
