# The hand-written best rewrite (test/e2e/README.md): cgo off, so the binary is static (os/user
# and net fall back to their pure-Go implementations, which read /etc/passwd and /etc/hosts), on
# distroless/static as its unprivileged user.
FROM golang:1.19 AS build
WORKDIR /app
COPY go.mod *.go ./
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/userinfo .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/userinfo /usr/local/bin/userinfo
USER nonroot
EXPOSE 8080
CMD ["userinfo"]
