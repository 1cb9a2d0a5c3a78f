# expect: cache mount
FROM continuumio/miniconda3:24.1.2-0
RUN --mount=type=cache,target=/opt/conda/pkgs conda install -y numpy
