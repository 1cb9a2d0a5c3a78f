FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY src ./src
RUN mkdir -p /out /opt/app && javac -d /out src/hello/Main.java && jar --create --file /opt/app/app.jar --main-class hello.Main -C /out .
CMD ["java", "-jar", "/opt/app/app.jar"]
