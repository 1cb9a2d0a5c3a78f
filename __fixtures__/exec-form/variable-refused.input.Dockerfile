# expect: `$APP` expands a variable or command when the shell runs it
FROM node:20
ENTRYPOINT []
CMD node $APP
