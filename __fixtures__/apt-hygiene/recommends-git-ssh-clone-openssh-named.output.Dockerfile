FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y git openssh-client ca-certificates && rm -rf /var/lib/apt/lists/*
RUN git clone git@github.com:example/app.git /app
