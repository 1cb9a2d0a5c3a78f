FROM debian:bookworm
RUN cd /tmp && curl -fsSLO https://example.com/x.deb && dpkg -i x.deb
WORKDIR /app
COPY . .
CMD ["./run"]
