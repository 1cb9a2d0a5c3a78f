# expect: may use the packages the cleanup removes
FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc make musl-dev
COPY . /src
RUN make -C /src install
RUN apk del .build-deps
