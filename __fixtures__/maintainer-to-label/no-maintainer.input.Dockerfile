# expect-none
FROM alpine
LABEL maintainer="jane"
RUN echo MAINTAINER
