FROM circleci/python:3.8
RUN sudo apt-get update && sudo apt-get install -y jq
