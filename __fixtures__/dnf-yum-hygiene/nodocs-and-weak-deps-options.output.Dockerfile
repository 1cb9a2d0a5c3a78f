FROM fedora:39
RUN dnf install --setopt=tsflags=nodocs --setopt=install_weak_deps=False -y git && dnf clean all && rm -rf /var/cache/dnf
