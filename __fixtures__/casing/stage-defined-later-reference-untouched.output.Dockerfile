FROM Builder
RUN true
FROM alpine AS builder
