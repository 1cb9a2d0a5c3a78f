FROM debian:bookworm
RUN ["apt-get", "update"]
RUN ["apt-get", "install", "-y", "curl"]
RUN echo shell-form
RUN [ "sh", "-c", "echo spaced" ]
CMD ["sh"]
