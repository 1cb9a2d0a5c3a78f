FROM python:3.12
RUN apt-get update && \
    apt-get install -y --no-install-recommends \
        libpq-dev \
        zlib1g-dev && \
    rm -rf /var/lib/apt/lists/*
CMD ["python", "app.py"]
