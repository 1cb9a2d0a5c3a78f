/**
 * The CLI against hostile input and a hostile file system, spawned as a user runs it: bad files
 * among good ones, files that change or vanish while a bulk `--write` runs, a run killed half-way,
 * and bad options. Each bad file must get one line naming it, exit code 2, nothing written for it,
 * and the other files must still be processed; an interrupted run must leave every file either
 * as it was or completely rewritten, and no temporary file.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDockerfileName } from '../src/cli/discover.js';
import { builtinTransforms } from '../transforms/index.js';
import { BIN, dockopt as runCli } from './helpers/cli.js';

const MESSY = 'FROM alpine:3.20\nRUN echo a\nRUN echo b\n';
const FIXED = 'FROM alpine:3.20\nRUN echo a && \\\n    echo b\n';
const isRoot = process.getuid?.() === 0;
/** As root every file is writable: run as `nobody` where permissions are the point. */
const NOBODY = { uid: 65534, gid: 65534 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-hostile-'));
  chmodSync(dir, 0o777);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real CLI, run in this test's folder. */
function dockopt(args: string[], options: SpawnSyncOptions = {}) {
  return runCli(dir, args, options);
}

function file(name: string, contents: string | Buffer = MESSY): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, contents);
  return path;
}

/** Every file under dir (links not followed), relative, sorted. */
function listing(from = dir, prefix = ''): string[] {
  return readdirSync(from, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listing(join(from, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    )
    .sort();
}

const temps = () => listing().filter((name) => /\.dockopt-\d+-[0-9a-f]+\.tmp$/.test(name));

test('bad files among good ones: one line each naming the file, exit 2, the good ones written', () => {
  file('good1/Dockerfile');
  const bad: Record<string, Buffer | string> = {
    'binary.Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x0a]),
    'latin1.Dockerfile': Buffer.from('FROM alpine\nLABEL x="caf\xe9"\n', 'latin1'),
    'utf16.Dockerfile': Buffer.from('\uFEFFFROM alpine\n', 'utf16le'),
    'mixed.Dockerfile': 'FROM alpine\r\nRUN echo a\nRUN echo b\n',
    'python.Dockerfile': 'import os\nprint(os.name)\n',
  };
  for (const [name, contents] of Object.entries(bad)) file(name, contents);
  truncateSync(file('big.Dockerfile', ''), 50 * 1024 * 1024);
  mkdirSync(join(dir, 'dir.Dockerfile'));
  spawnSync('mkfifo', [join(dir, 'fifo.Dockerfile')]);
  symlinkSync('missing', join(dir, 'dangling.Dockerfile'));
  symlinkSync('loop-b.Dockerfile', join(dir, 'loop-a.Dockerfile'));
  symlinkSync('loop-a.Dockerfile', join(dir, 'loop-b.Dockerfile'));
  file('good2/Dockerfile');
  const before = Object.fromEntries(Object.keys(bad).map((n) => [n, readFileSync(join(dir, n))]));

  const args = ['good1/Dockerfile', ...Object.keys(bad), 'big.Dockerfile', 'dir.Dockerfile'];
  args.push('fifo.Dockerfile', 'dangling.Dockerfile', 'loop-a.Dockerfile', 'good2/Dockerfile');
  const { code, stderr } = dockopt(['--write', ...args], { timeout: 60_000 });
  expect(code).toBe(2);
  const errors = stderr.split('\n').filter((line) => line.startsWith('dockopt: '));
  expect(errors).toEqual([
    'dockopt: dir.Dockerfile: no Dockerfile found in this directory',
    'dockopt: binary.Dockerfile: is a binary file (contains NUL bytes)',
    'dockopt: latin1.Dockerfile: is not valid UTF-8 text',
    'dockopt: utf16.Dockerfile: is UTF-16 text; only UTF-8 Dockerfiles are supported',
    'dockopt: mixed.Dockerfile: mixed line endings (CRLF, LF and/or lone CR): left unchanged so that no line is rewritten as a side effect',
    'dockopt: python.Dockerfile: not a Dockerfile: line 1 starts with "import", which is not an instruction',
    'dockopt: big.Dockerfile: is 52428800 bytes, over the 1048576-byte limit (raise it with --max-file-size)',
    'dockopt: fifo.Dockerfile: is not a regular file (a named pipe)',
    'dockopt: dangling.Dockerfile: is a symbolic link to missing, which does not exist',
    'dockopt: loop-a.Dockerfile: is a symbolic link to loop-b.Dockerfile, which loops back on itself',
  ]);
  expect(stderr).toMatch(/\n2 written, 0 unchanged, 10 errors\n$/);
  expect(readFileSync(join(dir, 'good1/Dockerfile'), 'utf8')).toBe(FIXED);
  expect(readFileSync(join(dir, 'good2/Dockerfile'), 'utf8')).toBe(FIXED);
  for (const [name, bytes] of Object.entries(before))
    expect([name, readFileSync(join(dir, name)).equals(bytes)]).toEqual([name, true]);
  expect(temps()).toEqual([]);
});

test('--max-file-size takes k/M/G sizes; the limit applies per file', () => {
  file('Dockerfile');
  const big = `${MESSY}${'# pad\n'.repeat(400)}`;
  file('big.Dockerfile', big);
  const small = dockopt(['--max-file-size', '1k', '-l', 'Dockerfile', 'big.Dockerfile']);
  expect(small.code).toBe(2);
  expect(small.stderr).toContain(
    `dockopt: big.Dockerfile: is ${big.length} bytes, over the 1024-byte limit (raise it with --max-file-size)`,
  );
  expect(small.stdout).toBe('Dockerfile\n');
  const large = dockopt(['--max-file-size', '50M', '-l', 'Dockerfile', 'big.Dockerfile']);
  expect(large.code).toBe(1);
  expect(large.stdout).toBe('Dockerfile\nbig.Dockerfile\n');
});

test.each([
  [['--wirte'], 'unknown option --wirte (did you mean --write?); see --help'],
  [
    ['--unsfae', '--chek'],
    'unknown option --unsfae (did you mean --unsafe?); unknown option --chek (did you mean --check?); see --help',
  ],
  [['-x'], 'unknown option -x; see --help'],
  [['--cache-strategy', 'fast'], '--cache-strategy: "fast" is not one of cleanup, mounts'],
  [
    ['--max-file-size', 'lots'],
    '--max-file-size: expected a size such as 1048576, 512k or 50M, got "lots"',
  ],
  [
    ['--max-file-size', '0'],
    '--max-file-size: expected a size such as 1048576, 512k or 50M, got "0"',
  ],
  [['--unsafe=yes'], '--unsafe takes no value (got "yes")'],
  [['--only', '--write'], '--only needs a value'],
  [['--jobs', 'many'], '--jobs must be a whole number of worker threads, 1 or more'],
  [
    ['--only', 'colapse-run'],
    `unknown transform "colapse-run" (known: ${builtinTransforms.map((t) => t.meta.id).join(', ')})`,
  ],
])('bad option %j: one line with a hint, exit 2, nothing read', (args, message) => {
  file('Dockerfile');
  const { code, stdout, stderr } = dockopt([...args, 'Dockerfile']);
  expect([code, stdout, stderr]).toEqual([2, '', `dockopt: ${message}\n`]);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(MESSY);
});

/**
 * Starts a bulk `--write` over `count` files and calls `act` once the first file has been written
 * (the reporter names a file only after writing it): the run is under way, far from done.
 */
async function duringBulkWrite(
  count: number,
  act: (child: ReturnType<typeof spawn>, stderrSoFar: string) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  for (let i = 0; i < count; i++) file(`svc${String(i).padStart(4, '0')}/Dockerfile`);
  const child = spawn(process.execPath, [BIN, '--write', '.'], { cwd: dir });
  let stderr = '';
  let acted = false;
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (!acted && stderr.includes(': collapse-run: ')) {
      acted = true;
      act(child, stderr);
    }
  });
  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => done({ code, signal })),
  );
  expect(acted).toBe(true);
  return { ...result, stderr };
}

const dockerfiles = () => listing().filter((n) => n.endsWith('/Dockerfile'));
const contentsOf = (names: string[]) => names.map((n) => readFileSync(join(dir, n), 'utf8'));

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)(
  'a bulk --write killed with %s: every file is the original or the whole rewrite, no temp file',
  async (signal, exitCode) => {
    const { code } = await duringBulkWrite(1000, (child) => child.kill(signal));
    expect(code).toBe(exitCode);
    const contents = contentsOf(dockerfiles());
    expect(contents.length).toBe(1000);
    expect(contents.filter((c) => c !== MESSY && c !== FIXED)).toEqual([]);
    // Interrupted, not finished: some files were still to do.
    expect(contents.filter((c) => c === MESSY).length).toBeGreaterThan(0);
    expect(temps()).toEqual([]);
  },
  120_000,
);

test('a bulk --write killed with SIGKILL: every file is still the original or the whole rewrite', async () => {
  const { signal } = await duringBulkWrite(1000, (child) => child.kill('SIGKILL'));
  expect(signal).toBe('SIGKILL');
  const contents = contentsOf(dockerfiles());
  expect(contents.length).toBe(1000);
  expect(contents.filter((c) => c !== MESSY && c !== FIXED)).toEqual([]);
});

test('a temporary file SIGKILL left behind is never taken for a Dockerfile by a later run', () => {
  // What a write killed between creating its temporary file and renaming it leaves: a partial copy.
  file('svc/Dockerfile');
  const leftover = file('svc/.Dockerfile.dockopt-4242-0a1b2c3d.tmp', 'FROM alpine:3.20\nRUN ec');
  expect(isDockerfileName('.Dockerfile.dockopt-4242-0a1b2c3d.tmp')).toBe(false);
  const listed = dockopt(['-l', '.']);
  expect(listed.stdout).toBe('svc/Dockerfile\n');
  const written = dockopt(['--write', '.']);
  expect(written.code).toBe(0);
  expect(readFileSync(join(dir, 'svc/Dockerfile'), 'utf8')).toBe(FIXED);
  expect(readFileSync(leftover, 'utf8')).toBe('FROM alpine:3.20\nRUN ec');
});

test('files edited while a bulk --write runs: an edit made meanwhile is never overwritten', async () => {
  const EDITED = `${MESSY}# edited meanwhile\n`;
  const EDITED_FIXED = `${FIXED}# edited meanwhile\n`;
  const edited: string[] = [];
  const { stderr } = await duringBulkWrite(1000, (_child, soFar) => {
    // Edit the next files in processing order: some are read already and not yet written.
    const pending = dockerfiles().filter((n) => !soFar.includes(`${n}:`));
    for (const name of pending.slice(0, 400)) {
      writeFileSync(join(dir, name), EDITED);
      edited.push(name);
    }
  });
  const refused = [
    ...stderr.matchAll(/^dockopt: (.+): changed on disk while dockopt was working; not written$/gm),
  ].map((m) => m[1]);
  // Whatever the timing: each edited file was either refused (the edit stays as it is) or read
  // after the edit (its rewrite keeps the edit); none holds the rewrite of the original.
  const contents = contentsOf(edited);
  expect(contents.filter((c) => c !== EDITED && c !== EDITED_FIXED)).toEqual([]);
  expect(contentsOf(refused).filter((c) => c !== EDITED)).toEqual([]);
  expect(temps()).toEqual([]);
}, 120_000);

test('a file edited after dockopt read it and before it writes: refused, edit kept, exit 2', () => {
  // A custom transform edits the very file being processed: after the read, before the write,
  // whatever the machine's speed.
  file('a/Dockerfile');
  file('b/Dockerfile');
  writeFileSync(
    join(dir, 'edit-own-file.mjs'),
    [
      "import { appendFileSync, readFileSync } from 'node:fs';",
      'export default {',
      "  meta: { id: 'edit-own-file', title: 't', description: 'd', safety: 'safe', category: 'size' },",
      '  create(ctx) {',
      "    const path = ctx.source.path ?? '';",
      "    if (path.endsWith('a/Dockerfile') && !readFileSync(path, 'utf8').includes('# edited'))",
      "      appendFileSync(path, '# edited meanwhile\\n');",
      '  },',
      '};',
      '',
    ].join('\n'),
  );
  const run = dockopt(['--write', '--run-in-band', '--transform', './edit-own-file.mjs', 'a', 'b']);
  expect(run.stderr).toContain(
    'dockopt: a/Dockerfile: changed on disk while dockopt was working; not written',
  );
  expect(run.code).toBe(2);
  expect(readFileSync(join(dir, 'a/Dockerfile'), 'utf8')).toBe(`${MESSY}# edited meanwhile\n`);
  expect(readFileSync(join(dir, 'b/Dockerfile'), 'utf8')).toBe(FIXED);
  expect(temps()).toEqual([]);
});

(isRoot ? test : test.skip)(
  'a file whose owner cannot be kept, or in a directory that cannot be written: not written',
  () => {
    const owned = file('owned/Dockerfile');
    chmodSync(owned, 0o666);
    chmodSync(join(dir, 'owned'), 0o777);
    const locked = file('locked/Dockerfile');
    chownSync(locked, NOBODY.uid, NOBODY.gid);
    chmodSync(join(dir, 'locked'), 0o755);
    const { code, stderr } = dockopt(['--write', 'owned/Dockerfile', 'locked/Dockerfile'], NOBODY);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'dockopt: owned/Dockerfile: is owned by 0:0, and a rewritten file could not keep that owner (run as that user or as root); not written',
    );
    expect(stderr).toContain('dockopt: locked/Dockerfile: could not write: permission denied');
    expect(contentsOf(['owned/Dockerfile', 'locked/Dockerfile'])).toEqual([MESSY, MESSY]);
    expect(temps()).toEqual([]);
    expect(existsSync(join(dir, 'owned', 'Dockerfile'))).toBe(true);
  },
);
