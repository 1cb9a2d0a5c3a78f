FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY src ./src
RUN mkdir -p /out && javac -d /out src/Main.java && jar cfe /app/hello.jar Main -C /out .
CMD ["java", "-jar", "/app/hello.jar"]

FROM eclipse-temurin:17-jre
WORKDIR /src
COPY --from=build /app/hello.jar /app/hello.jar
CMD ["java", "-jar", "/app/hello.jar"]
