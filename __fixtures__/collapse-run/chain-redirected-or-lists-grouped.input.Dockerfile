FROM debian:bookworm
RUN mkdir /data
RUN grep -q "^a" /etc/f || echo a >> /etc/f 2>&1 | tee /data/log
RUN grep -q "^b" /etc/f && echo b > /data/b || true
