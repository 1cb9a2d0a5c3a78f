FROM alpine
ADD src/ /app/src/
