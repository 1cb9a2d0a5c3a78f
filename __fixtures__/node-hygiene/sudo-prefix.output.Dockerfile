FROM ubuntu:22.04
RUN sudo npm install -g yarn && sudo npm cache clean --force
