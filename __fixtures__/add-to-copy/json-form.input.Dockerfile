FROM alpine
ADD ["my file.txt", "/data/"]
