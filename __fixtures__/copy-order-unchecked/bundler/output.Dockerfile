FROM ruby:3.3
WORKDIR /app
COPY Gemfile Gemfile.lock* .ruby-version* .tool-versions* ./
RUN bundle install
COPY . .
