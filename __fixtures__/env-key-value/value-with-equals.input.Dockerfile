FROM alpine
ENV JAVA_TOOL_OPTIONS -Dfile.encoding=UTF-8
