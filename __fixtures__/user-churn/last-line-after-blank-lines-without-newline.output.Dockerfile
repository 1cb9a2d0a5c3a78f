FROM debian:bookworm AS base
USER app
FROM base