# expect: is a glob pattern the shell expands
FROM debian:bookworm
CMD java -jar /app/*.jar
