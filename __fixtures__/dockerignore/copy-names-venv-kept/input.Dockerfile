FROM python:3.12
COPY .venv /opt/venv
COPY . /app
CMD ["/opt/venv/bin/python", "/app/app.py"]
