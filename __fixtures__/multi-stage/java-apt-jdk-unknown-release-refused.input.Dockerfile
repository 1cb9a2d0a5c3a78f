# expect: the Debian release of myorg/base:1 is not known, so the JRE package of openjdk-17-jdk-headless cannot be matched
FROM myorg/base:1
RUN apt-get update && apt-get install -y openjdk-17-jdk-headless
COPY Main.java /src/
RUN javac -d /out /src/Main.java && jar cfe /app.jar Main -C /out .
CMD ["java", "-jar", "/app.jar"]
