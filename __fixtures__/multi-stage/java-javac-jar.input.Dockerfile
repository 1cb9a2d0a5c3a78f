FROM eclipse-temurin:17-jdk
WORKDIR /src
COPY src ./src
RUN mkdir -p /out && javac -d /out src/Main.java && jar cfe /app/hello.jar Main -C /out .
CMD ["java", "-jar", "/app/hello.jar"]
