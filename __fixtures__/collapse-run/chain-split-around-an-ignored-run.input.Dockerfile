FROM debian:bookworm
RUN echo one
RUN echo two
# dockopt ignore=collapse-run
RUN echo three
RUN echo four
RUN echo five
