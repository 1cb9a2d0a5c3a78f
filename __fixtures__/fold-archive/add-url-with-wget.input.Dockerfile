FROM alpine:3.20
RUN apk add --no-cache wget
ADD https://example.com/get?name=tool.tgz&v=2 /opt/dl/tool.tgz
RUN tar -xzf /opt/dl/tool.tgz -C /opt && rm /opt/dl/tool.tgz
