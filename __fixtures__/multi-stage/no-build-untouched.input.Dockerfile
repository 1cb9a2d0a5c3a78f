# expect-none
FROM python:3.12-slim
COPY app.py /app/
CMD ["python", "/app/app.py"]
