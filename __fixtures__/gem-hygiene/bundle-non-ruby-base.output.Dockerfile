FROM debian:bookworm
RUN bundle install --jobs 4 && rm -rf ~/.bundle/cache
