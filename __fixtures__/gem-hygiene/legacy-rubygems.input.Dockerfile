# expect: predates it
FROM ubuntu:14.04
RUN gem install bundler
