from node:20
run git clone https://example.com/r.git /r
cmd ["node", "/r/index.js"]
