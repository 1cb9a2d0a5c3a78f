# expect: the RUN that installs the compiler does other things too
FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install --no-cache-dir uwsgi && rm -rf /var/lib/apt/lists/*
CMD ["uwsgi"]
