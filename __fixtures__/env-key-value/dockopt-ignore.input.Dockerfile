# expect-none
FROM alpine
# dockopt ignore=env-key-value
ENV A 1
