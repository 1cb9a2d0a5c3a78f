# expect: the base image `mycorp/base:1` is not known to have GNU wget
FROM mycorp/base:1
RUN wget https://example.com/x
