# expect: put in its own layer: they still ship in the image
FROM python:3.12-slim
COPY wheels.tar /tmp/wheels.tar
RUN mkdir -p /srv/data
RUN rm -f /tmp/wheels.tar
