FROM alpine:3.20
ENV LANG C.UTF-8
ENV PATH /opt/bin:$PATH
RUN echo $LANG
RUN echo $PATH
ENV a=1 b=2
