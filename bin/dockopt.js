#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm run build`, run by `npm ci`/`npm install`).
import { setFlagsFromString } from 'node:v8';

// The shell grammar is a 1.3 MB WebAssembly module. By default V8 recompiles its hottest functions
// with its optimising compiler on a background thread, and Node waits for that compilation when
// the event loop goes idle and before the process exits: ~0.4 s of a 0.6 s run over one file. The
// baseline compiler's code parses as fast over a whole fleet (see README, "Speed"), so the CLI keeps
// to it. Flags are process-wide and must be set before the module is compiled.
setFlagsFromString('--no-wasm-tier-up');
setFlagsFromString('--no-wasm-dynamic-tiering');

const { main } = await import('../dist/src/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`dockopt: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
