FROM ubuntu:22.04
COPY bin/tool /usr/local/bin/tool
CMD ["tool"]
