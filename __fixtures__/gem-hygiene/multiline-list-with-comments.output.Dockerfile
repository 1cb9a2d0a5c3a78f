FROM debian:bookworm
RUN gem install --no-document \
    # build
    rake \
    # deploy
    capistrano
