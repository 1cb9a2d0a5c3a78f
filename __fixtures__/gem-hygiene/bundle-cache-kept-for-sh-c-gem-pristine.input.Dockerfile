# expect: a later CMD (CMD ["sh", "-c", "gem pristine
FROM ruby:3.2
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
CMD ["sh", "-c", "gem pristine --all && exec puma"]
