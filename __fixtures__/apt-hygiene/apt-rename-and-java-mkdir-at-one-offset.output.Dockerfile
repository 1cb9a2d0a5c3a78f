FROM python:3.12-slim
RUN mkdir -p /usr/share/man/man1 && apt-get install --no-install-recommends -y python3 && apt-get install --no-install-recommends -y openjdk-17-jre-headless && apt-get clean
