# expect: may be a script without a `#!` line
FROM debian:bookworm
RUN echo 'node app.js' > /start && chmod +x /start
CMD /start
