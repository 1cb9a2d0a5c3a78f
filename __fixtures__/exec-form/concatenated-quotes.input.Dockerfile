FROM debian:bookworm
CMD myapp --opt="x y"
