ARG BASE=mcr.microsoft.com/windows/servercore:ltsc2019
FROM ${BASE}
RUN echo a
RUN echo b
