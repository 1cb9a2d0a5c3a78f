# expect-none
FROM alpine
# dockopt ignore=maintainer-to-label
MAINTAINER jane
