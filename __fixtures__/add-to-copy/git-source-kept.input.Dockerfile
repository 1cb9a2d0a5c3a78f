# expect: is downloaded
FROM alpine
ADD git@github.com:moby/buildkit.git /src
