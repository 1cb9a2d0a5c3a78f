FROM python:3.12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir "psycopg2==2.9.9" requests
CMD ["python", "app.py"]
