FROM debian:bookworm
RUN apt-get update
RUN apt-get install curl
RUN echo a \
# dockopt ignore-file: a comment line inside a continuation still counts
    b
