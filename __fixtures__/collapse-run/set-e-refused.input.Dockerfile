# expect: relies on `set -e`
FROM debian:bookworm
RUN set -e; mkdir /a; touch /a/b
RUN ls /a
