# expect-none
FROM debian:bookworm
RUN echo 'gem: --no-document' > /etc/gemrc
RUN gem install rails
