FROM python:3.12 AS base
WORKDIR /app

FROM base AS test
RUN make test
