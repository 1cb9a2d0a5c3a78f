FROM ruby:3.2
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install && rm -rf ~/.bundle/cache /usr/local/bundle/cache
CMD ["bundle", "exec", "puma"]
