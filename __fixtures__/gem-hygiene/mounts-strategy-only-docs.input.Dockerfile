FROM debian:bookworm
RUN gem install bundler && bundle install
