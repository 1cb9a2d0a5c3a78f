# A tool image with the cleanup in a layer of its own (it deletes nothing from the image).
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
RUN apt-get clean && rm -rf /var/lib/apt/lists/*
CMD ["curl", "--version"]
