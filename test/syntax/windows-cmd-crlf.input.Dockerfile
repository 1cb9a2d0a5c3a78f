FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
SHELL ["cmd", "/S", "/C"]
RUN mkdir C:\data
RUN echo hello > C:\data\hello.txt
RUN cmd /S /C "set PATH=%PATH%;C:\tools"
