FROM debian:bookworm
RUN echo a\ \
    && echo b\