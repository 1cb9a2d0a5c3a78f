# a comment before it ends the directives
# escape=`
FROM alpine:3.20
RUN echo a && \
    echo b
RUN echo c
