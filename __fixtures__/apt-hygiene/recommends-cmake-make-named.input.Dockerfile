FROM debian:bookworm
RUN apt-get update && apt-get install -y cmake g++
COPY . /src
RUN cmake -S /src -B /b && make -C /b
