# expect: shell-form CMD needs /bin/sh
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server .

FROM debian:bookworm-slim
COPY --from=build /out/server /server
CMD /server --port 8080
