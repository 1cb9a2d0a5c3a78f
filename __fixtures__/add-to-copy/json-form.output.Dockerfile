FROM alpine
COPY ["my file.txt", "/data/"]
