FROM python:3.12-slim
RUN if [ -f requirements.txt ]; then pip install -r requirements.txt; fi
