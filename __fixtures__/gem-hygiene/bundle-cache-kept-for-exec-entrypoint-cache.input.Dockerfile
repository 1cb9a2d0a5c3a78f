# expect: a later ENTRYPOINT
FROM ruby:3.2
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
ENTRYPOINT ["bundle", "cache"]
