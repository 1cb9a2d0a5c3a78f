# expect: exec-form RUN
FROM debian:bookworm
RUN ["echo", "one"]
RUN echo two
