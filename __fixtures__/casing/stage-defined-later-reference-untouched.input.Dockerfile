FROM Builder
RUN true
FROM alpine AS Builder
