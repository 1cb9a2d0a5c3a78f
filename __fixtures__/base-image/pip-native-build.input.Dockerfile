FROM python:3.12
RUN pip install --no-cache-dir "psycopg2==2.9.9" requests
CMD ["python", "app.py"]
