FROM circleci/python:3.8
RUN sudo apt-get update && sudo apt-get install --no-install-recommends -y jq && sudo rm -rf /var/lib/apt/lists/*
