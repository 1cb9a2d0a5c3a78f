FROM debian:bookworm
CMD ["myapp", "--greeting", "say \"hi\""]
