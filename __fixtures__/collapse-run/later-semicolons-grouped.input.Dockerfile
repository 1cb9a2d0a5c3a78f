FROM debian:bookworm
RUN mkdir -p /out
RUN touch /out/a; touch /out/b
