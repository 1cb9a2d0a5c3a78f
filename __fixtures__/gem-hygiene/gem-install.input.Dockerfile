FROM debian:bookworm
RUN gem install bundler
