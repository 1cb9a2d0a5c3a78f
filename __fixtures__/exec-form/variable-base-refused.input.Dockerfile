# expect: may have an ENTRYPOINT
ARG BASE=python:3.12
FROM ${BASE}
CMD python app.py
