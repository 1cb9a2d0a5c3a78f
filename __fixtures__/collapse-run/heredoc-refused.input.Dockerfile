# expect: heredoc
FROM debian:bookworm
RUN <<EOF
echo one
EOF
RUN echo two
