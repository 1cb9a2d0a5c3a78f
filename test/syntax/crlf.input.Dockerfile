FROM alpine:3.20
RUN echo a && \
    echo b
# note
RUN echo c
