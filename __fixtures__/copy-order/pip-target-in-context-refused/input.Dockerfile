# expect: lib is in the build context and not in .dockerignore
FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt -t lib
