FROM gradle:8-jdk21
WORKDIR /home/gradle/src
COPY build.gradle* settings.gradle* gradle.properties* ./
RUN gradle --no-daemon dependencies
COPY . .
RUN gradle bootJar --no-daemon
