# expect: non-POSIX SHELL
FROM python:3.12
SHELL ["/usr/bin/python3", "-c"]
RUN print(1)
RUN print(2)
