ARG IMAGE=debian
ARG TAG=bookworm
FROM ${IMAGE}:${TAG} AS build
RUN echo a
RUN echo b
FROM --platform=$BUILDPLATFORM golang:1.22 AS x
ARG TARGETOS TARGETARCH
RUN echo $TARGETOS
RUN echo $TARGETARCH
FROM build
COPY --from=x /go/bin /usr/local/bin
