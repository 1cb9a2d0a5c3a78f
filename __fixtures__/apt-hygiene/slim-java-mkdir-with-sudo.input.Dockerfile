FROM debian:bookworm-slim
USER dev
RUN sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless
