FROM fedora:39
RUN for p in git make; do dnf install -y "$p"; done
