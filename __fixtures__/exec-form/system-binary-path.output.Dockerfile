FROM python:3.12
CMD ["/usr/local/bin/python", "-m", "http.server"]
