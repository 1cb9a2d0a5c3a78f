FROM golang:1.22 AS build
COPY . /src
RUN cd /src && go build -o /out/app
FROM alpine
COPY --from=build /out/app /app
