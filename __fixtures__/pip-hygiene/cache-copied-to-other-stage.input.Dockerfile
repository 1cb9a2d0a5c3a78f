# expect: copies pip's cache
FROM python:3.12 AS build
RUN pip install flask

FROM python:3.12-slim
COPY --from=build /root/.cache/pip /root/.cache/pip
