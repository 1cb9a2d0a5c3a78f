# expect: it uses shell syntax (a pipe)
FROM debian:bookworm
CMD /opt/app | tee /var/log/app.log
