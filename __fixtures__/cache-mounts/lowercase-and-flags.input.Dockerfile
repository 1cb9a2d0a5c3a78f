from python:3.12-slim
run --network=host pip install --no-cache-dir requests
