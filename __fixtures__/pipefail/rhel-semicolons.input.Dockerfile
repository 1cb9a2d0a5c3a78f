FROM fedora:40
RUN cd /tmp; curl -fsSL https://example.com/x.tgz | tar xz
