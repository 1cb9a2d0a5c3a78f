FROM debian:bookworm
RUN cd /tmp && make
RUN cd /app && make
RUN cd /app && ls
