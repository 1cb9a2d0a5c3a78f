# expect: which shell /bin/sh is in `mycorp/base:1` is not known
FROM mycorp/base:1
RUN curl https://example.com/x | sh
