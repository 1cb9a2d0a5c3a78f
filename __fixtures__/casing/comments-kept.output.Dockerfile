# build stage
FROM alpine AS base
# run things
RUN true
