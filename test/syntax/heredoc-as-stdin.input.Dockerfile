FROM python:3.12-slim
RUN python3 - <<'PY'
import sys
print(sys.version)
PY
RUN echo done
RUN apt-get update && apt-get install -y curl
