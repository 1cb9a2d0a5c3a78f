# expect: may put it on the PATH
FROM debian:bookworm
ENV PATH=/opt/app/bin:$PATH
COPY bin/ /opt/app/bin/
CMD server
