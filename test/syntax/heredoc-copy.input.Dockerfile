FROM alpine:3.20
COPY <<EOF /etc/app.conf
RUN this is not an instruction
apt-get update
EOF
COPY <<-EOT /usr/local/bin/start
	#!/bin/sh
	exec "$@"
	EOT
RUN echo a
RUN echo b
