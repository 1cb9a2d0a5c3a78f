from alpine
label org.opencontainers.image.authors="jane@example.com"
