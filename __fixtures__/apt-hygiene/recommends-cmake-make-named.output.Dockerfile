FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y cmake g++ make gcc && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN cmake -S /src -B /b && make -C /b
