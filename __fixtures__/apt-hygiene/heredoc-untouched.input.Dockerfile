# expect-none
FROM debian:bookworm
RUN <<EOF
apt-get update
apt-get install make
EOF
