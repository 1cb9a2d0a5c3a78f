# expect-none
FROM ruby:3.3
RUN gem install bundler
