# expect: it has a shell comment
FROM debian:bookworm
CMD /opt/app # the server
