ARG BASE=python:3.12
FROM ${BASE}
CMD ["python"]
