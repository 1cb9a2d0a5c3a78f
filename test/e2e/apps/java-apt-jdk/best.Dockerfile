# The hand-written best rewrite (test/e2e/README.md): compile with the JDK, then ship a runtime made
# by jlink with only the modules the jar uses (jdeps) on distroless/cc (glibc, libgcc, libstdc++;
# no shell). The one library that runtime needs beyond those is zlib (Debian's OpenJDK links the
# system zlib), copied from the build stage.
FROM debian:bookworm AS build
RUN apt-get update && \
    apt-get install -y --no-install-recommends openjdk-17-jdk-headless && \
    rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY src ./src
COPY resources ./resources
RUN mkdir -p classes /opt/csvstat && \
    javac -d classes src/csvstat/*.java && \
    cp -r resources/. classes/ && \
    jar --create --file /opt/csvstat/csvstat.jar --main-class csvstat.Main -C classes .
RUN jlink --add-modules "$(jdeps --print-module-deps --ignore-missing-deps /opt/csvstat/csvstat.jar)" \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --output /opt/java

FROM gcr.io/distroless/cc-debian12
COPY --from=build /lib/x86_64-linux-gnu/libz.so.1 /lib/x86_64-linux-gnu/libz.so.1
COPY --from=build /opt/java /opt/java
COPY --from=build /opt/csvstat/csvstat.jar /opt/csvstat/csvstat.jar
ENV JAVA_HOME=/opt/java
ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
USER nonroot
CMD ["java", "-jar", "/opt/csvstat/csvstat.jar", "--version"]
