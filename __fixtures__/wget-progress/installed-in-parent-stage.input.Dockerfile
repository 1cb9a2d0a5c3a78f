FROM mycorp/base:1 AS tools
RUN dnf install -y wget
FROM tools
RUN wget https://example.com/x
