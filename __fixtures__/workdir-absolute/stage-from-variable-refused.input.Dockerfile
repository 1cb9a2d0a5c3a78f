# expect: is not known
ARG BASE=alpine
FROM ${BASE}
WORKDIR app
