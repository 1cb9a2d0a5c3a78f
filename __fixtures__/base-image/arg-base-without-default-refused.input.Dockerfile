# expect: has no literal default
ARG BASE
FROM $BASE
CMD ["python"]
