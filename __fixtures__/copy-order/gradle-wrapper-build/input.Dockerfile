FROM eclipse-temurin:21-jdk
WORKDIR /build
COPY . .
RUN ./gradlew build --no-daemon -x test
