# expect: predates it
FROM ubuntu:14.04
RUN pip install flask
