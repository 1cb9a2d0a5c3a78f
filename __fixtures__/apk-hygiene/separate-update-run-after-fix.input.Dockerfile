FROM alpine:3.19
RUN apk update
RUN apk add curl
CMD ["sh"]