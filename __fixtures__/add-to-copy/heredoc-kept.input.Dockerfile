# expect: it has a heredoc
FROM alpine
ADD <<EOF /etc/motd
hello
EOF
