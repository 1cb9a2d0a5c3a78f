FROM alpine:3.20
# Docker joins this to `echo a\    b`: the backslash left escapes the next line's first blank
RUN echo a\\
    b
RUN echo c
