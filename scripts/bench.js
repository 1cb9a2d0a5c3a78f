#!/usr/bin/env node
// Throughput and memory of dockopt over a folder of Dockerfiles, and over a generated corpus:
//   npm run bench -- <dir>                  the folder, with 1, 2 and N (= cores) workers
//   npm run bench -- --generated [--count 10000] [--seed 1]
//                                           a seeded generated corpus (scripts/generate-corpus.js)
//   options: --jobs 1,2,4 (worker counts), --mode check|diff (default diff), --repeat 1
// Each run spawns the real CLI (bin/dockopt.js) as a user would; files/s is files over wall time
// (start-up included); files per CPU-second is files over the process's CPU time (user + system,
// all threads), which a busy machine disturbs less than wall time; peak memory is the process's
// maximum resident set (worker threads live in the same process, so it counts them); live is the
// main thread's heap after a full garbage collection at exit (what the run keeps alive: caches,
// report state; V8 grows the heap lazily, so peak RSS also counts garbage). "engine" is
// optimizeSync in a loop over texts already in memory, one thread, no I/O: the transforms' cost
// (with the V8 flags bin/dockopt.js sets). "one file" is the median wall time of the CLI over the
// first file alone, start to exit, as a pre-commit hook or an editor runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// The same WebAssembly compilation as the CLI (see bin/dockopt.js), for the engine-only figure.
setFlagsFromString('--no-wasm-tier-up');
setFlagsFromString('--no-wasm-dynamic-tiering');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const cores = availableParallelism();
const jobs = value('jobs', `1,2,${cores}`)
  .split(',')
  .map(Number)
  .filter((n, i, all) => n > 0 && all.indexOf(n) === i);
const mode = value('mode', 'diff');
const repeat = Number(value('repeat', 1));
const generated = args.includes('--generated');
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!generated && !dir) {
  console.error('usage: npm run bench -- <dir> | --generated [--count N] [--seed S]');
  process.exit(2);
}

/** The files the CLI processes under `path` (its own discovery: names, .gitignore, skipped folders). */
async function dockerfilesUnder(path) {
  const { discover } = await import(join(root, 'dist', 'src', 'cli', 'discover.js'));
  return discover([path]).targets.map((target) => target.path);
}

/** Runs the CLI over `target`: wall seconds, CPU seconds and the process's peak RSS in bytes. */
function runCli(target, workers) {
  const probeModule = join(root, 'scripts', 'bench-probe.js');
  const flags = workers === 1 ? ['--run-in-band'] : ['-j', String(workers)];
  if (mode === 'check') flags.push('--check');
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', probeModule, join(root, 'bin', 'dockopt.js'), ...flags, target],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const probe = /dockopt-bench maxrss=(\d+) cpu=(\d+) live=(\d+)/.exec(result.stderr);
  if (!probe) throw new Error(`no figures from the run: ${result.stderr.slice(-500)}`);
  if (result.status === 2 && !/ errors?\b/.test(result.stderr))
    throw new Error(`dockopt failed: ${result.stderr.slice(-500)}`);
  return {
    seconds,
    cpuSeconds: Number(probe[2]) / 1e6,
    peakBytes: Number(probe[1]) * 1024,
    liveBytes: Number(probe[3]),
  };
}

async function engineOnly(files) {
  const { initialize, optimizeSync } = await import(join(root, 'dist', 'src', 'api.js'));
  await initialize();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const text of texts) {
    try {
      optimizeSync(text);
    } catch {
      // Not a Dockerfile, mixed line endings: the CLI reports these; here only time counts.
    }
  }
  const { user, system } = process.cpuUsage(cpu);
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: (user + system) / 1e6,
  };
}

/** Median wall seconds of the CLI over one file, start to exit (no probe: nothing added at exit). */
function oneFileSeconds(file, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(root, 'bin', 'dockopt.js'), file], {
      stdio: 'ignore',
    });
    if (result.status === null) throw new Error(`dockopt died on ${file}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function bench(target, label) {
  const files = await dockerfilesUnder(target);
  console.log(`\n${label}: ${files.length} files (${cores} cores, mode ${mode})`);
  const engine = await engineOnly(files);
  const rates = (r) =>
    `${(files.length / r.seconds).toFixed(0).padStart(6)} files/s  ${(files.length / r.cpuSeconds).toFixed(0).padStart(6)} files/CPU-s  ${r.seconds.toFixed(2).padStart(6)} s`;
  console.log(`  ${'engine only, 1 thread'.padEnd(22)} ${rates(engine)}`);
  if (files.length > 0)
    console.log(
      `  ${'CLI, one file'.padEnd(22)} ${oneFileSeconds(files[0]).toFixed(2).padStart(6)} s`,
    );
  let base = null;
  for (const workers of jobs) {
    for (let i = 0; i < repeat; i++) {
      const run = runCli(target, workers);
      const rate = files.length / run.seconds;
      base ??= rate;
      const name = workers === 1 ? 'CLI --run-in-band' : `CLI -j ${workers}`;
      console.log(
        `  ${name.padEnd(22)} ${rates(run)}  peak ${mb(run.peakBytes).padStart(6)}  live ${mb(run.liveBytes).padStart(6)}  speed-up x${(rate / base).toFixed(2)}`,
      );
    }
  }
}

if (dir) await bench(dir, dir);
if (generated) {
  const count = Number(value('count', 10000));
  const seed = Number(value('seed', 1));
  const temp = mkdtempSync(join(tmpdir(), 'dockopt-bench-'));
  try {
    // The first tenth has the same files as a smaller run: peak memory of both shows whether it
    // grows with the number of files.
    const small = Math.max(1, Math.floor(count / 10));
    for (const [n, sub] of [
      [small, 'small'],
      [count, 'full'],
    ]) {
      const gen = spawnSync(
        process.execPath,
        [
          join(root, 'scripts', 'generate-corpus.js'),
          join(temp, sub),
          '--count',
          String(n),
          '--seed',
          String(seed),
        ],
        { encoding: 'utf8' },
      );
      if (gen.status !== 0) throw new Error(gen.stderr);
    }
    const { peakBytes, liveBytes } = runCli(join(temp, 'small'), 1);
    console.log(
      `\ngenerated (seed ${seed}): --run-in-band over ${small} files: peak ${mb(peakBytes)}, live heap at the end ${mb(liveBytes)}`,
    );
    await bench(join(temp, 'full'), `generated (seed ${seed})`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
