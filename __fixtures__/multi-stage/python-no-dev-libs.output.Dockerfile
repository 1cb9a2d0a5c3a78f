FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /srv
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt
COPY app.py ./
CMD ["python", "app.py"]

FROM python:3.11-slim
WORKDIR /srv
COPY requirements.txt ./
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links=/wheels -r requirements.txt
COPY app.py ./
CMD ["python", "app.py"]
