FROM debian:bookworm
CMD ["/opt/app", "--greeting", "say \"hi\""]
