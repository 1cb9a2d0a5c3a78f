FROM fedora:39
RUN dnf install -y git
