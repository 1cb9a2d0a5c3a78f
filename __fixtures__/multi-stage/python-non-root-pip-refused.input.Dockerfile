# expect: pip runs as USER app
FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
USER app
COPY requirements.txt .
RUN pip install --user -r requirements.txt
CMD ["python", "app.py"]
