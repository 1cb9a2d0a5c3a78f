from python:3.12-slim
maintainer "Jane Doe <jane@example.com>"
workdir app
add	./src /app/src
ADD requirements.txt \
    /app/
CMD python \
    # the server
    app.py --port=8080
