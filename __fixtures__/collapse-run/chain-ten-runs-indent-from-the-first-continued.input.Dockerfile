FROM debian:bookworm
RUN echo 1
RUN echo 2
RUN echo 3 \
  && echo 3b
# four
RUN echo 4
RUN echo 5
RUN echo 6 \
        && echo 6b
RUN echo 7
RUN echo 8

RUN echo 9
RUN echo 10
CMD ["sh"]
