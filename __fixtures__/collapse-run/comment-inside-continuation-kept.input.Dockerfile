FROM debian:bookworm
RUN echo one && \
    # a note inside the continuation
    echo two
RUN echo three
