FROM debian:bookworm
# BuildKit continues a line that ends in `\ \` (escape, blank, escape); dockerfile-ast 0.7 does not.
# Docker reads the next two lines as one RUN (`echo a\ RUN echo b`): nothing may be merged.
RUN echo a\ \
RUN echo b
RUN echo c
RUN apt-get update && echo x\ \
    && apt-get install -y curl
