# expect: background
FROM debian:bookworm
CMD /opt/app &
