FROM debian:bookworm
RUN --network=none echo one
RUN --network=none echo two
