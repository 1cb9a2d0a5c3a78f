FROM alpine
COPY src/ /app/src/
