FROM python:3.12-slim
RUN apt install -y python3 && apt-get install -y openjdk-17-jre-headless
