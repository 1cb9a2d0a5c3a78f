# expect-none
FROM debian:bookworm
ARG U=app
USER $U
RUN id
ENV U=root
USER $U
RUN id
