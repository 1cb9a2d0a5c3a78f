// A tiny HTTP server: the example app that `npx dockopt examples/node-app` rewrites.
const http = require('node:http');

http.createServer((request, response) => response.end('hello\n')).listen(process.env.PORT || 3000);
