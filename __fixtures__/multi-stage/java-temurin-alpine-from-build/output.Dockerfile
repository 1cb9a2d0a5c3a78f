FROM eclipse-temurin:17-jdk-alpine AS build
WORKDIR /src
COPY . .
RUN ./mvnw package
CMD ["java", "-jar", "target/app.jar"]

FROM eclipse-temurin:17-jre
WORKDIR /src
COPY --from=build /src/target/app.jar /src/target/app.jar
CMD ["java", "-jar", "target/app.jar"]
