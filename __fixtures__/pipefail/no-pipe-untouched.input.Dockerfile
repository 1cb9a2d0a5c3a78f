# expect-none
FROM rockylinux:9
RUN echo "a || b" && test -f x || true
