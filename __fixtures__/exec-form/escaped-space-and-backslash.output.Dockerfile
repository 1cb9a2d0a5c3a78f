FROM debian:bookworm
CMD ["/opt/app", "--name=a b", "back\\slash", "c:\\dir"]
