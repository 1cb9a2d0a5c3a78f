FROM alpine
run echo from as run
