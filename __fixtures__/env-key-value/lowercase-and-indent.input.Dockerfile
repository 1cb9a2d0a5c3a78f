from alpine
  env HOME /root
