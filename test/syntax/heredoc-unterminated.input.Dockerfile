FROM alpine:3.20
RUN echo a
RUN <<EOF
echo never closed
RUN echo b
RUN echo c
