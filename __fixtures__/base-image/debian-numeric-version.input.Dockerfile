# the base
FROM debian:12
CMD ["bash"]
