# expect: is a different distribution
FROM ubuntu:22.04
CMD ["true"]
