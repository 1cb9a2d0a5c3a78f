FROM eclipse-temurin:21-jre
COPY target/app.jar /app.jar
COPY config/ /config/
CMD ["java", "-jar", "/app.jar"]
