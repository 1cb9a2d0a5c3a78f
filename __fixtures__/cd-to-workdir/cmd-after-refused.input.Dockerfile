# expect: line 4 (CMD) would then run in /srv
FROM debian:bookworm AS app
RUN cd /srv && make
CMD ["./server"]
FROM debian:bookworm
