FROM fedora:39
RUN dnf install -y git && dnf clean all && rm -rf /var/cache/dnf
