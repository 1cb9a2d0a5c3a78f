# expect-none
FROM alpine
# dockopt ignore=casing
run true
