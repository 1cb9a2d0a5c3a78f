FROM rockylinux:9
RUN wget https://example.com/x.rpm
