FROM python:3.11.9-slim
CMD ["python", "-c", "print(1)"]
