FROM debian:bookworm
RUN apt-get update && apt-get install -y git
RUN git clone git@github.com:example/app.git /app
