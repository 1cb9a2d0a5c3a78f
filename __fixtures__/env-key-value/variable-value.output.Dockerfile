FROM alpine
ENV PATH=/opt/app/bin:$PATH
