from debian:bookworm as base
run apt-get update
run apt-get install curl
Run echo mixed
rUN echo case
