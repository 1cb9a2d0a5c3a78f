FROM python:3.12
WORKDIR /app
COPY . .
CMD ["./bin/server", "--port", "80"]
