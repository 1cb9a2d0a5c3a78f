FROM python:3.12-slim
RUN for r in requirements/*.txt; do pip install -r "$r"; done
