ARG BASE=debian:bookworm
FROM ${BASE}
RUN echo a
RUN echo b
