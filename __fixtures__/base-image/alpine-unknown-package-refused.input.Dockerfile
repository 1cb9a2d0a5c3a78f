# expect: no known Alpine name for libgl1
FROM python:3.12
RUN apt-get update && apt-get install -y --no-install-recommends libgl1 curl && rm -rf /var/lib/apt/lists/*
