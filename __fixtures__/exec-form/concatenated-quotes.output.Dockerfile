FROM debian:bookworm
CMD ["/opt/app", "--opt=x y"]
