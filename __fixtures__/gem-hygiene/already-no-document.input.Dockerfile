# expect-none
FROM debian:bookworm
RUN gem install -N bundler && gem install --no-document rake && gem update --system
