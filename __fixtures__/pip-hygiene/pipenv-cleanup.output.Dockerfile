FROM python:3.12-slim
RUN pip install --no-cache-dir pipenv && pipenv install --system --deploy && rm -rf ~/.cache/pipenv ~/.cache/pip
