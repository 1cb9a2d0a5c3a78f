# expect: dynamic artifact name
FROM maven:3.9-eclipse-temurin-21
WORKDIR /app
COPY pom.xml .
COPY src ./src
RUN mvn -B package
CMD java -jar target/*.jar
