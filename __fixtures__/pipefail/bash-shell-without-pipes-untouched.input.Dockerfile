# expect-none
FROM debian:bookworm
SHELL ["/bin/bash", "-c"]
RUN make && make install
