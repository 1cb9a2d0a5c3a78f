FROM eclipse-temurin:17-jdk-alpine
WORKDIR /src
COPY . .
RUN ./mvnw package
CMD ["java", "-jar", "target/app.jar"]
