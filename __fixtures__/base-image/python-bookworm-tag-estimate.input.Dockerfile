FROM python:3.12-bookworm
COPY app.py /app/
CMD ["python", "/app/app.py"]
