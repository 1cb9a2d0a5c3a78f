FROM alpine:3.20
# this comment ends in a backslash \
RUN echo a && \
    # so does this one \
    echo b && \
    echo c
