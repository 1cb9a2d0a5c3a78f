# expect-none
FROM rockylinux:9
# hadolint ignore=DL4006
RUN curl https://example.com/x | sh
