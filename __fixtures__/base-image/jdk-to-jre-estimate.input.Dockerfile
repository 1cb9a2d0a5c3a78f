FROM eclipse-temurin:21-jdk
COPY target/app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
