FROM mycorp/base:1
RUN apt-get update && apt-get install -y --no-install-recommends wget=1.21.3-1 && wget https://example.com/x
