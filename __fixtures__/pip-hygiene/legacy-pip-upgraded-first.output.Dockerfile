# expect: predates it
FROM ubuntu:14.04
RUN apt-get update && apt-get install -y python-pip && pip install -U pip
RUN pip install --no-cache-dir flask
