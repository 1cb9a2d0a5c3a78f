FROM debian:bookworm
RUN apt-get update && \
    # the compiler
    apt-get install --no-install-recommends -y gcc && \
# a comment at column 0
    make && \
    rm -rf /var/lib/apt/lists/* && \
    echo done
