FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN curl https://example.com/a | tar x
CMD ./server | tee /var/log/server.log
