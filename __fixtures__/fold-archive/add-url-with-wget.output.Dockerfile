FROM alpine:3.20
RUN apk add --no-cache wget
RUN mkdir -p /opt/dl && wget -q -O /opt/dl/tool.tgz 'https://example.com/get?name=tool.tgz&v=2' && tar -xzf /opt/dl/tool.tgz -C /opt && rm /opt/dl/tool.tgz
