FROM debian:bookworm
RUN FOO=bar
RUN echo "$FOO"
