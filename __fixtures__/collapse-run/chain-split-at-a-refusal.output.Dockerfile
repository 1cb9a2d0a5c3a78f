# expect: the earlier RUN ends in a shell comment
FROM debian:bookworm
RUN echo one && \
    make # build
RUN echo three && \
    echo four
