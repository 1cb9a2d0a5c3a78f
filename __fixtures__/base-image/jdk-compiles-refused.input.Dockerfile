# expect: the stage runs `javac`, which the smaller image lacks
FROM eclipse-temurin:21-jdk
COPY Main.java /src/
RUN javac -d /out /src/Main.java
CMD ["java", "-cp", "/out", "Main"]
