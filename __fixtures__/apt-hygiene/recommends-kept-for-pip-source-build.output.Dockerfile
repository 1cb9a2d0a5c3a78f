# expect: recommended packages kept for this install: python3-pip recommends build-essential, python3-dev
FROM debian:bookworm
RUN apt-get update && apt-get install -y python3-pip && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip3 install --break-system-packages -r requirements.txt
