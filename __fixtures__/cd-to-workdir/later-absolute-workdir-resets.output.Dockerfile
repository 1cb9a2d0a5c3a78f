FROM debian:bookworm
WORKDIR /tmp
RUN curl -fsSLO https://example.com/x.deb && dpkg -i x.deb
WORKDIR /app
COPY . .
CMD ["./run"]
