FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN for d in engines/*; do (cd "$d" && bundle install); done
