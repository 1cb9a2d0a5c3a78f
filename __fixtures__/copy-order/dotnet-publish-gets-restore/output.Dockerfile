FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY App.csproj ./
RUN dotnet restore App.csproj -r linux-x64
COPY . .
RUN dotnet publish App.csproj -c Release -r linux-x64 -o /out
