FROM eclipse-temurin:21-jdk
WORKDIR /build
COPY gradlew build.gradle settings.gradle ./
COPY gradle ./gradle/
RUN ./gradlew --no-daemon dependencies
COPY . .
RUN ./gradlew build --no-daemon -x test
