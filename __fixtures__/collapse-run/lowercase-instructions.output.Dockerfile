from debian:bookworm
run echo one && \
    echo two
