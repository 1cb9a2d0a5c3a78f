# expect-none
FROM debian:bookworm
RUN echo one
ENV A=1
RUN echo two
