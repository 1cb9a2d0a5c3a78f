FROM mcr.microsoft.com/dotnet/framework/sdk:4.7-windowsservercore-1709
RUN echo a
RUN echo b
