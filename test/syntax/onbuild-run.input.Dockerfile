FROM debian:bookworm
ONBUILD RUN apt-get update
ONBUILD RUN apt-get install curl
RUN echo a
ONBUILD RUN echo b
RUN echo c
