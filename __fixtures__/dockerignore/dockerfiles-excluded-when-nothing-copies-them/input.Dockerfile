FROM python:3.12
WORKDIR /app
COPY app/ ./app/
COPY requirements.txt ./
RUN pip install -r requirements.txt
