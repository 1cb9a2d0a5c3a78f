FROM debian:bookworm
RUN cd /tmp && make
RUN cd /app && export MODE=release && make
RUN ls
