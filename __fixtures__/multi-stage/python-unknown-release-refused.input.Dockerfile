# expect: the runtime library of libxml2-dev is not named (the Debian release of python:3.15-slim is not known)
FROM python:3.15-slim
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libxml2-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "app.py"]
