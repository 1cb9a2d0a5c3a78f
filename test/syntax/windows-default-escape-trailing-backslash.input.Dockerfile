FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN mkdir C:\out
COPY build C:\out\
RUN dir C:\out
RUN echo done
