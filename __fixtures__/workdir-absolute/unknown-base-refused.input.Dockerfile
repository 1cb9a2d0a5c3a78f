# expect: the WORKDIR of the base image `mycorp/base:1` is not known
FROM mycorp/base:1
WORKDIR app
