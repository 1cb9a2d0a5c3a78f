FROM debian:bookworm
RUN gem install \
    # build
    rake \
    # deploy
    capistrano
