# expect: only bash is handled
FROM debian:bookworm
SHELL ["/bin/zsh", "-c"]
RUN curl https://example.com/x | sh
