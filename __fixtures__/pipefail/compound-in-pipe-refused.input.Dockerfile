# expect: a pipe with a compound command
FROM rockylinux:9
RUN curl https://example.com/list | while read -r url; do curl -O "$url"; done
