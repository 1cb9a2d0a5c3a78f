FROM alpine
LABEL org.opencontainers.image.title="My App"
