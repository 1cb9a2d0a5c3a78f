FROM rockylinux:9
RUN curl -fsSL https://example.com/x.tgz | tar xz -C /opt
