FROM eclipse-temurin:21
COPY target/app.jar /app.jar
