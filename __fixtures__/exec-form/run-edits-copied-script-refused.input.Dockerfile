# expect: a RUN changes it after it is copied
FROM debian:bookworm
COPY start.sh /start.sh
RUN sed -i 's/x/y/' /start.sh
CMD /start.sh
