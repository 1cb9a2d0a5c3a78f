FROM alpine:3.20
# Größe: 日本語 🐳
RUN echo "café 🐳 日本" && echo ✓ && \
    echo ẞ # ünïcödé 🐳
LABEL description="Ünïcode 🐳"
RUN echo 👍 && \
    echo done
