FROM ubuntu:22.04
RUN DEBIAN_FRONTEND=noninteractive PIP_INDEX_URL=https://pypi.example/simple pip3 install flask
