FROM alpine:3.20
# syntax=docker/dockerfile:1
RUN echo a
RUN echo b
