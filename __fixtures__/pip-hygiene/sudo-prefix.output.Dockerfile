FROM ubuntu:22.04
RUN sudo pip3 install --no-cache-dir flask
