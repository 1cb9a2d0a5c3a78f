FROM debian:bookworm
RUN mkdir /data && \
    make -C /src 2>&1 | tee /data/build.log
