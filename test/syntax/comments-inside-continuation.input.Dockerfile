FROM debian:bookworm
RUN apt-get update && \
    # the compiler
    apt-get install -y gcc && \
# a comment at column 0
    make
RUN echo done
