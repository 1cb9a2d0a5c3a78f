# expect: nothing to add to .dockerignore: would keep nothing out: .git (nothing in the context matches)
FROM eclipse-temurin:21-jre
COPY target/app.jar /app.jar
COPY config/ /config/
CMD ["java", "-jar", "/app.jar"]
