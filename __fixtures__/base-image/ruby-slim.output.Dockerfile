FROM ruby:3.3-slim
CMD ["ruby", "-e", "puts 1"]
