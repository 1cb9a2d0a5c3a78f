FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY src ./src
RUN mkdir -p /out /opt/app && javac -d /out src/hello/Main.java && jar --create --file /opt/app/app.jar --main-class hello.Main -C /out .
CMD ["java", "-jar", "/opt/app/app.jar"]

FROM debian:bookworm-slim
WORKDIR /src
RUN mkdir -p /usr/share/man/man1 && apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/app/app.jar /opt/app/app.jar
CMD ["java", "-jar", "/opt/app/app.jar"]
