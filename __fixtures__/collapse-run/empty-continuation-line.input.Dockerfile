FROM debian:bookworm
RUN echo one && \

    echo two
RUN echo three
