# expect: the base image `nginx:1.27` may have an ENTRYPOINT
FROM nginx:1.27
CMD nginx -g "daemon off;"
