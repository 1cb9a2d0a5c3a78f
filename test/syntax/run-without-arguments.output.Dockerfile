FROM alpine:3.20
RUN
RUN echo a && \
    echo b
