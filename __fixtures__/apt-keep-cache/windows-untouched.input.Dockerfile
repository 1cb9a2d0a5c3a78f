# expect-none
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl
