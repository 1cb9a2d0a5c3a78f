# expect: installs with apt without a /var/cache/apt cache mount
FROM debian:bookworm
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends curl
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends git
