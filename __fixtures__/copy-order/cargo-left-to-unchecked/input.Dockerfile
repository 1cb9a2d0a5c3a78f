# expect: enable copy-order-unchecked to do it anyway
FROM rust:1.79
WORKDIR /src
COPY . .
RUN cargo build --release
