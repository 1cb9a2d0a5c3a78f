FROM continuumio/miniconda3:24.1.2-0
COPY environment.yml .
RUN conda env create -f environment.yml
