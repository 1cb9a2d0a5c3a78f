FROM python:3.12-slim
COPY constraints.txt /app/
COPY requirements/base.txt /app/requirements/
WORKDIR /app
RUN pip install -r requirements/base.txt -c constraints.txt
COPY . /app
