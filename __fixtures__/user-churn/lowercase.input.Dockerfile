from debian:bookworm
user root
user app
run id
