FROM python:3.12-slim
WORKDIR /app
COPY constraints.txt ./
COPY requirements/prod.txt requirements/base.txt ./requirements/
RUN pip install --no-cache-dir -r requirements/prod.txt
COPY . .
CMD ["python", "app.py"]
