FROM cimg/base:2023.01
RUN apt-get update && apt-get install -y jq
