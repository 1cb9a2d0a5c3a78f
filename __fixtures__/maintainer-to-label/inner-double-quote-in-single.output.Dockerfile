FROM alpine
LABEL org.opencontainers.image.authors="Jane \"JD\" Doe"
