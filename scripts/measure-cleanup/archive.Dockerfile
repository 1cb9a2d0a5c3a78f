# An archive copied in, extracted and deleted: it still ships in the COPY layer.
FROM debian:bookworm-slim
COPY app.tar.gz /tmp/
RUN mkdir -p /opt/app && tar -xzf /tmp/app.tar.gz -C /opt/app && rm /tmp/app.tar.gz
CMD ["ls", "/opt/app"]
