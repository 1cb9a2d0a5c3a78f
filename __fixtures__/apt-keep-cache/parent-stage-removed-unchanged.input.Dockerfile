# expect-none
FROM debian:bookworm AS base
RUN mv /etc/apt/apt.conf.d/docker-clean /root/docker-clean.disabled

FROM base
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends curl
