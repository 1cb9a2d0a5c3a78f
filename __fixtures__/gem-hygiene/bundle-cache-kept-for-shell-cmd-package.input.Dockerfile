# expect: a later CMD (CMD bundle package
FROM ruby:3.2
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
CMD bundle package && bundle exec rails s
