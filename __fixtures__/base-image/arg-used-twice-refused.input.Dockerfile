# expect: is used more than once
ARG BASE=python:3.12
FROM ${BASE} AS test
RUN python -m pytest
FROM ${BASE}
CMD ["python"]
