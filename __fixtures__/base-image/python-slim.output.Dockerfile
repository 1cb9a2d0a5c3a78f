FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir flask
CMD ["python", "app.py"]
