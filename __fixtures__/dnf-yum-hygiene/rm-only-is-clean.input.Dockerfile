# expect-none
FROM fedora:39
RUN dnf install -y git && rm -rf /var/cache/dnf/*
