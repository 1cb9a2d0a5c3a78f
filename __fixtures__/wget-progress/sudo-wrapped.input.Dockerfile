FROM ubuntu:22.04
RUN sudo wget https://example.com/x
