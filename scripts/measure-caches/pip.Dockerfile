# pip-hygiene example: pip from Debian, packages from a local index (PyPI is not reachable here;
# pip only caches downloads from https or --trusted-host origins).
FROM localhost/dockopt-measure-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*
ARG INDEX_URL
RUN pip3 install --break-system-packages --index-url "$INDEX_URL" --trusted-host 127.0.0.1 --target /opt/pylib pip setuptools wheel
