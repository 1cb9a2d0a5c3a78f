# expect: `pip install .` installs from the source tree
FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir .
