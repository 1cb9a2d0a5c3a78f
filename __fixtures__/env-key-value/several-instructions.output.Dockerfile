FROM alpine
ENV A=1
ENV B="two words"
LABEL maintainer=jane
