from debian:bookworm
user app
run id
