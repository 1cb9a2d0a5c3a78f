# expect: requirements.txt installs from the source tree (`-e .`)
FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
