FROM debian:bookworm
CMD ["myapp", "--name=a b", "back\\slash", "c:\\dir"]
