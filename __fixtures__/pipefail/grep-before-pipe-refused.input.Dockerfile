# expect: `grep` before a pipe returns 1 as an answer
FROM rockylinux:9
RUN grep -v '^#' /etc/hosts | sort > /tmp/hosts
