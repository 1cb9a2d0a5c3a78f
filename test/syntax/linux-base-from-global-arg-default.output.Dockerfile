ARG BASE=debian:bookworm
FROM ${BASE}
RUN echo a && \
    echo b
