FROM python:3.12-slim
RUN pip3 install --no-cache-dir flask && pip3.12 install --no-cache-dir gunicorn
