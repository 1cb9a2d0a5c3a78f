FROM debian:bookworm
RUN echo one
RUN echo two
RUN echo three
CMD ["sh"]
