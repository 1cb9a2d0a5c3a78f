# expect-none
FROM continuumio/miniconda3:24.1.2-0
RUN conda install -y numpy && conda clean -ay
