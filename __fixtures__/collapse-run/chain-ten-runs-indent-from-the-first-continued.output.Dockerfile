FROM debian:bookworm
RUN echo 1 && \
  echo 2 && \
  echo 3 \
  && echo 3b && \
  # four
  echo 4 && \
  echo 5 && \
  echo 6 \
        && echo 6b && \
  echo 7 && \
  echo 8 && \
  echo 9 && \
  echo 10
CMD ["sh"]
