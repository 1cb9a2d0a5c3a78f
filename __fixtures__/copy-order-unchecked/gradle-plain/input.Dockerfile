FROM gradle:8-jdk21
WORKDIR /home/gradle/src
COPY . .
RUN gradle bootJar --no-daemon
