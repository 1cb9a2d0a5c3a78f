FROM debian:bookworm
RUN apt-get update && \
    apt-get install -y \
        # build tools
        build-essential \
        # for the docs
        pandoc
