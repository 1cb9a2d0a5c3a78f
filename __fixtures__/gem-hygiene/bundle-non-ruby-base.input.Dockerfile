FROM debian:bookworm
RUN bundle install --jobs 4
