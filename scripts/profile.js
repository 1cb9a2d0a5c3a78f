#!/usr/bin/env node
// Where a dockopt run spends its time: runs the CLI in one process (`--run-in-band`) under V8's
// sampling profiler and sorts every sample into one part of the pipeline, so that "where does the
// time go" has a number and a command behind it.
//   npm run profile -- <path...> [--check] [--top 20]
// Each sample counts once, for the first part its stack shows, in this order: garbage collection;
// the shell parser (tree-sitter-bash, wherever it is called from); the Dockerfile parser
// (dockerfile-ast and the model built on it); each transform by id; the rest of the engine (the
// validation of a pass, applying and selecting edits); the CLI's diff; the rest of the CLI's work
// per file (reading, build context, report); start-up and discovery. Then the functions with the
// most time of their own. The profiler slows the run down by about a tenth; shares are what this
// is for, not speed (`npm run bench` measures that). Time in system calls (readdir, read, stat)
// counts under the transform or CLI step that made the call, and comes out larger than it is: the
// sampler's signals interrupt the calls. Over the 10,000 generated files the CLI lists about 30,000
// folders; timed alone that takes 0.1 to 0.3 s, the samples show 0.45 s to 1.5 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt === -1 ? 20 : Number(args[topAt + 1]);
if (!(top >= 0)) {
  console.error('--top takes a number');
  process.exit(2);
}
const paths = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--top');
if (paths.length === 0) {
  console.error('usage: npm run profile -- <path...> [--check] [--top N]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'dockopt-profile-'));
try {
  const flags = ['--run-in-band', ...(args.includes('--check') ? ['--check'] : [])];
  const run = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(root, 'bin', 'dockopt.js'), ...flags, ...paths],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const summary = run.stderr.trimEnd().split('\n').pop();
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written (exit ${run.status}): ${summary}`);
  report(JSON.parse(readFileSync(join(dir, file), 'utf8')), summary);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The part of the pipeline a stack (leaf first) belongs to; see the header for the order. */
function partOf(stack) {
  const has = (test) => stack.some(test);
  const fn = (name, url) => (f) => f.functionName === name && f.url.endsWith(url);
  if (stack[0].functionName === '(garbage collector)') return 'garbage collection';
  if (has(fn('parseTree', '/src/shell/script.js'))) return 'shell parse (tree-sitter-bash)';
  if (has(fn('parseDockerfile', '/src/core/model.js'))) return 'Dockerfile parse (dockerfile-ast)';
  const transform = stack.find((f) => f.functionName === 'create' && /\/transforms\//.test(f.url));
  if (transform) return `transform ${/\/transforms\/([^/]+)\//.exec(transform.url)[1]}`;
  if (has(fn('runEngine', '/src/core/engine.js'))) return 'engine: validation, edits, selection';
  if (has(fn('unifiedDiff', '/src/cli/output.js'))) return 'CLI: unified diff';
  if (has(fn('runFiles', '/src/cli/runner.js'))) return 'CLI: read, context, report, output';
  return 'start-up, discovery, other';
}

function report(profile, summary) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  // Sampled time per node, then per part (by walking each node's stack once) and per function.
  const timeOf = new Map();
  profile.samples.forEach((id, i) =>
    timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const parts = new Map();
  const own = new Map();
  let total = 0;
  for (const [id, micros] of timeOf) {
    const stack = [];
    for (let at = id; at !== undefined; at = parentOf.get(at)) stack.push(byId.get(at).callFrame);
    if (stack[0].functionName === '(idle)') continue;
    total += micros;
    const part = partOf(stack);
    parts.set(part, (parts.get(part) ?? 0) + micros);
    const { functionName, url, lineNumber } = stack[0];
    const where = url ? ` ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'}${where}`;
    own.set(name, (own.get(name) ?? 0) + micros);
  }
  const line = (micros, label) =>
    `  ${(micros / 1e6).toFixed(2).padStart(7)} s ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${label}`;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  console.log(summary);
  console.log(`\n${(total / 1e6).toFixed(2)} s sampled (idle excluded), by part of the pipeline:`);
  for (const [label, micros] of sorted(parts)) console.log(line(micros, label));
  console.log(`\nfunctions with the most time of their own:`);
  for (const [label, micros] of sorted(own).slice(0, top)) console.log(line(micros, label));
}
