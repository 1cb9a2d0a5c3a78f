FROM alpine
ENV MSG="a   b	c"
