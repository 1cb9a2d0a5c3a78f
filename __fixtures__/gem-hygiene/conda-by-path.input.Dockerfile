FROM debian:bookworm
RUN /opt/conda/bin/conda install -y numpy
