FROM debian:bookworm AS build
RUN mkdir -p /out && tar -czf /out/site.tgz -C /usr/share/doc .

FROM debian:bookworm
COPY --from=build /out/site.tgz /tmp/site.tgz
RUN mkdir -p /srv/site && tar -xzf /tmp/site.tgz -C /srv/site && rm /tmp/site.tgz
