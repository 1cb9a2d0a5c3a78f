FROM mycorp/base:1 AS tools
RUN dnf install -y wget
FROM tools
RUN wget --progress=dot:giga https://example.com/x
