# expect: would replace or delete the file
FROM debian:bookworm
COPY data.csv.gz /tmp/
RUN gunzip /tmp/data.csv.gz && mv /tmp/data.csv /srv/ && rm -f /tmp/data.csv.gz
