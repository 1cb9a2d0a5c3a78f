# expect: the earlier RUN ends in a shell comment
FROM debian:bookworm
RUN echo one
RUN make # build
RUN echo three
RUN echo four
