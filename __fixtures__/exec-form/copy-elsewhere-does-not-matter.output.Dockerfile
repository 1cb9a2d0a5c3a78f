FROM python:3.12
COPY . /app
CMD ["gunicorn", "app:app"]
