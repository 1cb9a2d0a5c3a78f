FROM debian:bookworm
COPY . /src
RUN apt-get update && apt-get install -y --no-install-recommends gcc make \
    && make -C /src install
RUN apt-get purge -y --auto-remove gcc make
