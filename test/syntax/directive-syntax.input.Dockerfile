# syntax=docker/dockerfile:1.7
FROM debian:bookworm
RUN apt-get update
RUN apt-get install curl
