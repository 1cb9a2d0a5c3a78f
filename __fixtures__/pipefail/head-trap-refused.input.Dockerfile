# expect: `head` stops reading early
FROM rockylinux:9
RUN cat /etc/os-release | head -1
