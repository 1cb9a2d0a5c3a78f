# expect-none
FROM debian:bookworm
RUN echo one
# dockopt ignore=collapse-run
RUN echo two
