FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /src
COPY *.csproj NuGet.config* nuget.config* NuGet.Config* Directory.Build.props* Directory.Build.targets* Directory.Packages.props* global.json* ./
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o /out
