from alpine
cmd ["/usr/local/bin/app", "serve"]
