# expect: it has comment lines inside
FROM debian:bookworm
CMD /opt/app \
# verbose for now
    --verbose
