FROM gradle:8.7-jdk17 AS build
WORKDIR /home/gradle/project
COPY build.gradle settings.gradle ./
COPY src ./src
RUN gradle build --no-daemon
ENTRYPOINT ["java", "-jar", "/home/gradle/project/build/libs/service.jar"]

FROM eclipse-temurin:17-jre
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/libs/service.jar /home/gradle/project/build/libs/service.jar
ENTRYPOINT ["java", "-jar", "/home/gradle/project/build/libs/service.jar"]
