FROM debian:bookworm
RUN mkdir /data
RUN make -C /src 2>&1 | tee /data/build.log
