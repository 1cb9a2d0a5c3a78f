# expect: needs the .gem files
FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
RUN bundle install --local && rm -rf ~/.bundle/cache /usr/local/bundle/cache
