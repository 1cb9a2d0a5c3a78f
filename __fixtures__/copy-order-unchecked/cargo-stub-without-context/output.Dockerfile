FROM rust:1.79 AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock* rust-toolchain.toml* rust-toolchain* ./
RUN mkdir -p src && echo 'fn main() {}' > src/main.rs && cargo build --release --locked
COPY . .
RUN touch src/main.rs && cargo build --release --locked

FROM debian:bookworm-slim
COPY --from=build /src/target/release/app /usr/local/bin/app
