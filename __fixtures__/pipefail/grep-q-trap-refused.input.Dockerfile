# expect: `grep` stops reading early
FROM rockylinux:9
RUN rpm -qa | grep -q openssl && echo present
