# check=skip=JSONArgsRecommended;error=true
FROM alpine:3.20
RUN echo a
RUN echo b
CMD echo hello
