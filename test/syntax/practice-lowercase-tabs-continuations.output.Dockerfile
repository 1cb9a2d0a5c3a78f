from python:3.12-slim
label org.opencontainers.image.authors="Jane Doe <jane@example.com>"
workdir /app
add	./src /app/src
COPY requirements.txt \
    /app/
CMD python \
    # the server
    app.py --port=8080
