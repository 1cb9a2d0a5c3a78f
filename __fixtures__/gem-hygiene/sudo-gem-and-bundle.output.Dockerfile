# expect: sudo/env
FROM debian:bookworm
RUN sudo gem install --no-document rake && sudo bundle install
