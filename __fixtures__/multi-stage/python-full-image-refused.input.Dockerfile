# expect: is not a slim Python image
FROM python:3.12
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install -r requirements.txt
CMD ["python", "app.py"]
