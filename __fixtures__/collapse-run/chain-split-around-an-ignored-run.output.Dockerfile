FROM debian:bookworm
RUN echo one && \
    echo two
# dockopt ignore=collapse-run
RUN echo three
RUN echo four && \
    echo five
