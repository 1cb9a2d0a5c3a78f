FROM debian:bookworm
ADD vendor.zip /tmp/vendor.zip
RUN unzip -q /tmp/vendor.zip -d /opt/vendor && rm /tmp/vendor.zip
