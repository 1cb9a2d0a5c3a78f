# expect: sudo/env
FROM debian:bookworm
RUN sudo gem install rake && sudo bundle install
