FROM alpine
ENV APP_HOME=/app
