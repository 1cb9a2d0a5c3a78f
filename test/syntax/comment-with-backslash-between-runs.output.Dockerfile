FROM debian:bookworm
RUN apt-get -qq update && printf "\033[1;33m" && \
    apt-get -qq install --no-install-recommends -y curl ca-certificates && apt-get update && printf "\033[1;33m"
#RUN apt-get -qq update && printf "\033[1;33m"
RUN apt-get -qq install -y wget && apt-get -qq update
