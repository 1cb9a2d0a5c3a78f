FROM debian:bookworm
RUN greet() { echo hi; }; greet
RUN echo done
