FROM alpine
Run echo hi
