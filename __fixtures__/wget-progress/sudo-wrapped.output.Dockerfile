FROM ubuntu:22.04
RUN sudo wget --progress=dot:giga https://example.com/x
