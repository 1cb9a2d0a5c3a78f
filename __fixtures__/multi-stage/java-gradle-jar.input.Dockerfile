FROM gradle:8.7-jdk17
WORKDIR /home/gradle/project
COPY build.gradle settings.gradle ./
COPY src ./src
RUN gradle build --no-daemon
ENTRYPOINT ["java", "-jar", "/home/gradle/project/build/libs/service.jar"]
