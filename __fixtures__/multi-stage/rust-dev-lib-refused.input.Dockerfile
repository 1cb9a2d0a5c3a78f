# expect: libssl-dev, and the runtime library package it needs is not named
FROM rust:1.79-bookworm
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends libssl-dev pkg-config && rm -rf /var/lib/apt/lists/*
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release
CMD ["/app/target/release/app"]
