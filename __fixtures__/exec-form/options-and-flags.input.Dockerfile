FROM python:3.12
CMD gunicorn -b 0.0.0.0:8000 --workers 4 app:app
