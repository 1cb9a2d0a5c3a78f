# expect-none
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN curl -o C:\tool.zip https://example.com/tool.zip && tar -xf C:\tool.zip
RUN del C:\tool.zip
