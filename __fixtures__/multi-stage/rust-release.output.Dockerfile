FROM rust:1.79-bookworm AS build
WORKDIR /usr/src/app
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release
EXPOSE 3000
CMD ["./target/release/app"]

FROM debian:bookworm-slim
WORKDIR /usr/src/app
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/src/app/target/release/app /usr/src/app/target/release/app
EXPOSE 3000
CMD ["./target/release/app"]
