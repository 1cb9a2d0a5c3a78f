FROM debian:bookworm
RUN gem install --no-document bundler
