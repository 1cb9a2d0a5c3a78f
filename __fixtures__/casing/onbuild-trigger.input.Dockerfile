FROM alpine
onbuild run make
