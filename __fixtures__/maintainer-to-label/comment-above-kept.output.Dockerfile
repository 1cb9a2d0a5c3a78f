FROM alpine
# who to ask
LABEL org.opencontainers.image.authors="jane@example.com"
RUN true
