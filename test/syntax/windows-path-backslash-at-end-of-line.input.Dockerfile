# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\src\
RUN dir C:\src\
RUN dir C:\windows\
COPY app C:\src\
