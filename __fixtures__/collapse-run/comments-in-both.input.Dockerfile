FROM debian:bookworm
RUN echo one \
    # trailing note
    && echo two
# between
RUN echo three
