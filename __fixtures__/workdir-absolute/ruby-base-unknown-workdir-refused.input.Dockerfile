# expect: the WORKDIR of the base image `ruby:3.3` is not known
FROM ruby:3.3
WORKDIR app
