FROM debian:bookworm
RUN echo one && \
    echo two && \
    echo three
CMD ["sh"]
