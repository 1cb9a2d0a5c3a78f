# expect: it redirects input or output
FROM debian:bookworm
CMD /opt/app > /var/log/app.log 2>&1
