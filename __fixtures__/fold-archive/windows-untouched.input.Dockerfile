# expect-none
FROM mcr.microsoft.com/windows/servercore:ltsc2022
COPY app.zip C:/tmp/
RUN tar -xf C:/tmp/app.zip && del C:/tmp/app.zip
