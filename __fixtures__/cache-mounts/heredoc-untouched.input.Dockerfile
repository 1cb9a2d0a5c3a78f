# expect-none
FROM python:3.12-slim
RUN <<EOT
pip install --no-cache-dir requests
EOT
