FROM alpine
LABEL description="Café für alle"
