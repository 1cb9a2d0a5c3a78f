#!/usr/bin/env node
// Robustness run over a folder of Dockerfiles:
// `npm run corpus -- <dir> [--unsafe] [--enable=<id,id>]` (--enable: e.g. the style transforms).
// For every file: no crash, the output parses (no problem the input did not have), and a second
// run changes nothing. Prints counts and the files that failed a check; exits 1 if any did.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initialize, optimizeSync } from '../dist/src/api.js';
import { parseDockerfile } from '../dist/src/core/model.js';
import { newProblems, problemsOf } from '../dist/src/core/validate.js';

const args = process.argv.slice(2);
const unsafe = args.includes('--unsafe');
const enable = args
  .filter((a) => a.startsWith('--enable='))
  .flatMap((a) => a.slice('--enable='.length).split(','))
  .filter(Boolean);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: npm run corpus -- <dir> [--unsafe] [--enable=<id,id>]');
  process.exit(2);
}

function* walk(path) {
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}

await initialize();
const counts = {
  files: 0,
  changed: 0,
  unchanged: 0,
  skipped: 0,
  refusedFindings: 0,
  inputErrors: 0,
  engineErrors: 0,
  crashes: 0,
  reparseFailures: 0,
  nonIdempotent: 0,
};
const perTransform = new Map();
const problems = [];
const started = performance.now();
for (const file of walk(dir)) {
  counts.files++;
  const text = readFileSync(file, 'utf8');
  let first;
  try {
    first = optimizeSync(text, { unsafe, enable, filename: file });
  } catch (error) {
    if (/not a Dockerfile|line endings/.test(error.message)) {
      counts.inputErrors++;
      continue;
    }
    counts.crashes++;
    problems.push(`${file}: crash: ${error.stack}`);
    continue;
  }
  if (first.errors.length) {
    counts.engineErrors++;
    problems.push(`${file}: ${first.errors.map((e) => `${e.transform}: ${e.message}`).join('; ')}`);
  }
  if (first.skipped) counts.skipped++;
  counts.refusedFindings += first.findings.filter((f) => f.status === 'unfixed').length;
  if (!first.changed) {
    counts.unchanged++;
    continue;
  }
  counts.changed++;
  for (const id of new Set(
    first.findings.filter((f) => f.status === 'fixed').map((f) => f.transform),
  )) {
    perTransform.set(id, (perTransform.get(id) ?? 0) + 1);
  }
  const plain = (s) => s.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const added = newProblems(
    problemsOf(parseDockerfile(plain(text))),
    problemsOf(parseDockerfile(plain(first.output))),
  );
  if (added.length) {
    counts.reparseFailures++;
    problems.push(`${file}: output does not parse: ${added[0]}`);
  }
  const second = optimizeSync(first.output, { unsafe, enable, filename: file });
  if (second.changed) {
    counts.nonIdempotent++;
    problems.push(`${file}: a second run changes it again`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `corpus: ${dir}${unsafe ? ' (with --unsafe)' : ''}${enable.length ? ` (with --enable=${enable.join(',')})` : ''}`,
);
for (const [key, value] of Object.entries(counts)) console.log(`  ${key.padEnd(16)} ${value}`);
console.log(`  time             ${seconds.toFixed(2)} s (two runs per changed file)`);
console.log('files changed per transform:');
for (const [id, n] of [...perTransform].sort()) console.log(`  ${id.padEnd(20)} ${n}`);
for (const line of problems.slice(0, 50)) console.log(`! ${line}`);
process.exitCode =
  counts.crashes + counts.reparseFailures + counts.nonIdempotent + counts.engineErrors > 0 ? 1 : 0;
