FROM python:3.12-slim
RUN python -m pip install --no-cache-dir -r requirements.txt && \
    python3.12 -u -m pip install --no-cache-dir gunicorn
