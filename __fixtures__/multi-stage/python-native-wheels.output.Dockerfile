FROM python:3.12-slim-bookworm AS build
RUN apt-get update && \
    apt-get install -y --no-install-recommends gcc libpq-dev && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt
COPY . .
USER 1000
EXPOSE 8000
CMD ["python", "-m", "app"]

FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links=/wheels -r requirements.txt
COPY . .
USER 1000
EXPOSE 8000
CMD ["python", "-m", "app"]
