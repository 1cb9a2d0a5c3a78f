FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends nginx && \
    # Clean up APT when done.
    apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/*
LABEL maintainer="ops@example.com"
# run in the foreground
RUN echo "daemon off;" >> /etc/nginx/nginx.conf
EXPOSE 80

CMD ["nginx"]
