// A small Express server. `node server.js` listens on $PORT (3000);
// `node server.js --selftest` starts it on a free port, asks it for /health and exits 0 on "ok".
const express = require('express');
const http = require('http');

const app = express();
app.get('/health', (req, res) => res.type('text').send('ok'));
app.get('/', (req, res) => res.json({ hello: 'world', node: process.version }));

if (process.argv.includes('--selftest')) {
  const server = app.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    http.get({ host: '127.0.0.1', port, path: '/health' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        server.close();
        console.log(`selftest: ${res.statusCode} ${body}`);
        process.exit(res.statusCode === 200 && body === 'ok' ? 0 : 1);
      });
    });
  });
} else {
  app.listen(process.env.PORT || 3000);
}
