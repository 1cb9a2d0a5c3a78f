# expect: may use the packages the cleanup removes
FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends build-essential
COPY . /src
RUN make -C /src install
RUN apt-get purge -y --auto-remove build-essential
