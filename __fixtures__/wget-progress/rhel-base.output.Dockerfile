FROM rockylinux:9
RUN wget --progress=dot:giga https://example.com/x.rpm
