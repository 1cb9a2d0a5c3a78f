# expect: is not shell-parsed
FROM debian:bookworm
RUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -C /opt -xzf /tmp/tool.tgz
RUN <<EOT
echo hello > /etc/motd
EOT
RUN rm -f /tmp/tool.tgz
