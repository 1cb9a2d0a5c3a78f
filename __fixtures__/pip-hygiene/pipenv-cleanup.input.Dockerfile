FROM python:3.12-slim
RUN pip install pipenv && pipenv install --system --deploy
