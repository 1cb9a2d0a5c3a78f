FROM debian:bookworm
RUN /opt/conda/bin/conda install -y numpy && /opt/conda/bin/conda clean -afy
