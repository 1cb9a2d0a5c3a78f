# the base
FROM debian:12-slim
CMD ["bash"]
