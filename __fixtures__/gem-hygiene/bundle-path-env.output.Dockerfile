FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
ENV BUNDLE_PATH="/usr/local/bundle" \
    BUNDLE_WITHOUT="development"
RUN bundle install && rm -rf ~/.bundle/cache /usr/local/bundle/ruby/*/cache
