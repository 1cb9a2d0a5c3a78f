FROM alpine AS base
LABEL org.opencontainers.image.authors=jane
FROM base
