# expect-none
FROM alpine
COPY --from=nginx:latest /etc/nginx/nginx.conf /etc/nginx.conf
