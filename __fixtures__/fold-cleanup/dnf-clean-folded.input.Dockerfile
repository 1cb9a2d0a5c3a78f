FROM fedora:40
RUN dnf install -y gcc make
LABEL org.opencontainers.image.title=tools
RUN dnf clean all
