# expect: package lists not removed: apt runs under different `sudo` wrappers
FROM debian:bookworm
USER dev
RUN sudo apt-get update && sudo -E apt-get install --no-install-recommends -y jq
