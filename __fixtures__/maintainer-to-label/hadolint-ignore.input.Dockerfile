# expect-none
FROM alpine
# hadolint ignore=DL4000
MAINTAINER jane
