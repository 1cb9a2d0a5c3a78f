FROM rockylinux:9
RUN curl https://example.com/x 2>/dev/null | tar x
