# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN New-Item -ItemType Directory C:\app ; `
    Set-Location C:\app
RUN Invoke-WebRequest -Uri https://example.com/tool.zip -OutFile tool.zip
RUN Expand-Archive tool.zip -DestinationPath C:\tools\
WORKDIR C:\app\
COPY . C:\app\
CMD ["powershell", "-File", "C:\\app\\start.ps1"]
