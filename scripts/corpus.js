#!/usr/bin/env node
// Robustness run over a folder of Dockerfiles:
//   npm run corpus -- <dir> [--mode both|safe|unsafe] [--enable=<id,id>] [--show <n>]
//                           [--cache-strategy=cleanup|mounts]
// (--enable: also run these transforms, e.g. the style ones, in every mode)
// Every file named like a Dockerfile under <dir> (links not followed) is read as the CLI reads it
// and run through the whole pipeline: the default (safe) set, and with --unsafe. For each file and
// mode it checks: no crash; no internal error; the output parses (no Dockerfile or shell problem the
// input did not have); a second run changes nothing; every change lies within the lines of an
// applied fix; and (safe mode) the final stage's configuration is unchanged. Prints the counts side
// by side, per-transform counts, the time, and the first files that failed a check. Exits 1 if any
// check failed (crashes, re-parse failures, non-idempotent outputs, internal errors, edits outside
// their fix, or a safe rewrite that changed the configuration).
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { initialize, optimizeSync } from '../dist/src/api.js';
import { isDockerfileName } from '../dist/src/cli/discover.js';
import { FileError, readDockerfile } from '../dist/src/cli/files.js';
import { changeOutsideFixes } from '../dist/src/core/confinement.js';
import { NotADockerfileError } from '../dist/src/core/engine.js';
import { finalStageConfig } from '../dist/src/core/image-config.js';
import { parseDockerfile } from '../dist/src/core/model.js';
import { SourceError } from '../dist/src/core/source.js';
import { newProblems, problemsOf } from '../dist/src/core/validate.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const mode = args.includes('--unsafe') ? 'unsafe' : option('--mode', 'both');
const show = Number(option('--show', 20));
const cacheStrategy =
  args.find((a) => a.startsWith('--cache-strategy='))?.split('=')[1] ?? 'cleanup';
const settings = { cacheStrategy };
const enable = args
  .filter((a) => a.startsWith('--enable='))
  .flatMap((a) => a.slice('--enable='.length).split(','))
  .filter(Boolean);
const dir = args.find((a, i) => !a.startsWith('--') && !['--mode', '--show'].includes(args[i - 1]));
if (
  !dir ||
  !['both', 'safe', 'unsafe'].includes(mode) ||
  !Number.isInteger(show) ||
  !['cleanup', 'mounts'].includes(cacheStrategy)
) {
  console.error(
    'usage: npm run corpus -- <dir> [--mode both|safe|unsafe] [--enable=<id,id>] [--show <n>] [--cache-strategy=cleanup|mounts]',
  );
  process.exit(2);
}
const modes = mode === 'both' ? [false, true] : [mode === 'unsafe'];

function* walk(path) {
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    const stat = lstatSync(full);
    if (stat.isDirectory()) yield* walk(full);
    else if (stat.isFile() && isDockerfileName(entry)) yield full;
  }
}

const plain = (s) => s.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** What checking one mode over the corpus found. */
function emptyRun() {
  return {
    counts: {
      files: 0,
      changed: 0,
      unchanged: 0,
      skipped: 0,
      'refused findings': 0,
      'input errors': 0,
      'internal errors': 0,
      crashes: 0,
      'reparse failures': 0,
      'non-idempotent': 0,
      'edits outside fix': 0,
      'config changed': 0,
    },
    changedBy: new Map(),
    refusedBy: new Map(),
    problems: [],
    optimizeMs: 0,
    totalMs: 0,
  };
}
const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);

function check(run, file, text, unsafe) {
  const { counts, problems } = run;
  const fail = (key, detail) => {
    counts[key]++;
    problems.push(`${file}: ${key}: ${detail}`);
  };
  counts.files++;
  let first;
  const started = performance.now();
  try {
    first = optimizeSync(text, { unsafe, enable, settings, filename: file });
  } catch (error) {
    if (error instanceof SourceError || error instanceof NotADockerfileError)
      counts['input errors']++;
    else fail('crashes', error.stack);
    return;
  } finally {
    run.optimizeMs += performance.now() - started;
  }
  if (first.errors.length)
    fail('internal errors', first.errors.map((e) => `${e.transform}: ${e.message}`).join('; '));
  for (const f of first.findings) if (f.status === 'unfixed') bump(run.refusedBy, f.transform);
  counts['refused findings'] += first.findings.filter((f) => f.status === 'unfixed').length;
  if (first.skipped) counts.skipped++;
  if (!first.changed) {
    counts.unchanged++;
    return;
  }
  counts.changed++;
  for (const id of new Set(
    first.findings.filter((f) => f.status === 'fixed').map((f) => f.transform),
  ))
    bump(run.changedBy, id);
  const before = parseDockerfile(plain(text));
  const after = parseDockerfile(plain(first.output));
  const added = newProblems(problemsOf(before), problemsOf(after));
  if (added.length) fail('reparse failures', added[0]);
  const second = optimizeSync(first.output, { unsafe, enable, settings, filename: file });
  if (second.changed || second.errors.length)
    fail('non-idempotent', second.errors[0]?.message ?? 'a second run changes it again');
  const outside = changeOutsideFixes(before.text, after.text, first.findings);
  if (outside) fail('edits outside fix', `text at offset ${outside.at} not kept`);
  if (!same(finalStageConfig(before), finalStageConfig(after))) {
    if (unsafe)
      counts['config changed']++; // unsafe transforms may (base image, multi-stage)
    else fail('config changed', 'the final stage config differs');
  }
}

await initialize();
const runs = modes.map(() => emptyRun());
const started = performance.now();
for (const file of walk(dir)) {
  let text;
  try {
    text = readDockerfile(file).text;
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    for (const run of runs) (run.counts.files++, run.counts['input errors']++);
    continue;
  }
  modes.forEach((unsafe, i) => {
    const t = performance.now();
    check(runs[i], file, text, unsafe);
    runs[i].totalMs += performance.now() - t;
  });
}
const elapsed = (performance.now() - started) / 1000;

const headers = modes.map((unsafe) => (unsafe ? '--unsafe' : 'safe'));
const row = (label, values) =>
  console.log(`  ${label.padEnd(26)}${values.map((v) => String(v).padStart(10)).join('')}`);
console.log(
  `corpus: ${dir}${enable.length ? ` (with --enable=${enable.join(',')})` : ''}${cacheStrategy === 'mounts' ? ' (--cache-strategy mounts)' : ''}`,
);
row('', headers);
for (const key of Object.keys(runs[0].counts))
  row(
    key,
    runs.map((r) => r.counts[key]),
  );
row(
  'time, first runs (s)',
  runs.map((r) => (r.optimizeMs / 1000).toFixed(2)),
);
row(
  'time, with checks (s)',
  runs.map((r) => (r.totalMs / 1000).toFixed(2)),
);
console.log(`  (wall time ${elapsed.toFixed(1)} s; "config changed" fails only the safe run)`);
for (const [title, pick] of [
  ['files changed per transform', (r) => r.changedBy],
  ['refused findings per transform', (r) => r.refusedBy],
]) {
  console.log(`${title}:`);
  const ids = [...new Set(runs.flatMap((r) => [...pick(r).keys()]))].sort();
  for (const id of ids)
    row(
      id,
      runs.map((r) => pick(r).get(id) ?? 0),
    );
}
runs.forEach((run, i) => {
  for (const line of run.problems.slice(0, show)) console.log(`! [${headers[i]}] ${line}`);
  if (run.problems.length > show)
    console.log(`! [${headers[i]}] ... ${run.problems.length - show} more (--show <n>)`);
});
process.exitCode = runs.some((r) => r.problems.length > 0) ? 1 : 0;
