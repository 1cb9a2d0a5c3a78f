FROM rust:1.79
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src && echo 'fn main() {}' > src/main.rs && cargo build --release
COPY . .
RUN touch src/main.rs && cargo build --release
