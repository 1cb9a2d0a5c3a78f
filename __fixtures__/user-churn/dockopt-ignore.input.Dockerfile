# expect-none
FROM debian:bookworm
# dockopt ignore=user-churn
USER root
USER app
