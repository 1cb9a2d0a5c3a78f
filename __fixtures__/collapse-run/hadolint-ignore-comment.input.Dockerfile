# expect-none
FROM debian:bookworm
RUN echo one
# hadolint ignore=DL3059
RUN echo two
