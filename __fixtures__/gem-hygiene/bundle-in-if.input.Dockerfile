# expect: runs only under a condition
FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN if [ -f Gemfile.lock ]; then bundle install; fi
