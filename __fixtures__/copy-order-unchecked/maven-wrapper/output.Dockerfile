FROM eclipse-temurin:21-jdk
WORKDIR /app
COPY pom.xml mvnw ./
RUN ./mvnw -B dependency:go-offline
COPY . .
RUN ./mvnw -B package
