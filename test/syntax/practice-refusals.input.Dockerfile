# check=skip=JSONArgsRecommended
FROM alpine:3.20
CMD echo "hello $USER"
ENTRYPOINT ./start.sh
ADD https://example.com/app.tar.gz /opt/
ADD app.tar.gz /opt/
