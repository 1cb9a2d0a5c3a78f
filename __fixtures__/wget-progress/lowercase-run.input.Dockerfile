from debian:bookworm
run wget https://example.com/x
