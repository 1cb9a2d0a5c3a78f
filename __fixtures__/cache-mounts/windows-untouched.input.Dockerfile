# expect-none
# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN pip install --no-cache-dir requests
