FROM python:3.12-slim-bookworm
COPY app.py /app/
CMD ["python", "/app/app.py"]
