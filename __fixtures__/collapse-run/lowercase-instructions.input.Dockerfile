from debian:bookworm
run echo one
run echo two
