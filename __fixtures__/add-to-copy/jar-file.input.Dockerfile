FROM eclipse-temurin:21
ADD target/app.jar /app.jar
