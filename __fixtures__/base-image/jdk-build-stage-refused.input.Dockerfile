# expect: a JRE fits only a final stage
FROM eclipse-temurin:21-jdk AS build
COPY . /src
FROM debian:bookworm-slim
COPY --from=build /src/run.sh /run.sh
