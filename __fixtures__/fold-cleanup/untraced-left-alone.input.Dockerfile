# expect-none
FROM nginx:1.25
RUN echo "server_tokens off;" > /etc/nginx/conf.d/tokens.conf
RUN rm -f /etc/nginx/conf.d/default.conf
