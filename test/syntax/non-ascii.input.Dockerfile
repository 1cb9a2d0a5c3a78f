FROM alpine:3.20
# Größe: 日本語 🐳
RUN echo "café 🐳 日本" && echo ✓
RUN echo ẞ # ünïcödé 🐳
LABEL description="Ünïcode 🐳"
RUN echo 👍
RUN echo done
