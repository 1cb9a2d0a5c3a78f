# expect: different RUN flags
FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
RUN python -m compileall /app
