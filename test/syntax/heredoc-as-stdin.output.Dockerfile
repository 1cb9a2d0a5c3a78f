FROM python:3.12-slim
RUN python3 - <<'PY'
import sys
print(sys.version)
PY
RUN echo done && \
    apt-get update && apt-get install --no-install-recommends -y curl ca-certificates && \
    rm -rf /var/lib/apt/lists/*
