/**
 * The real CLI, spawned as a user runs it (`node bin/dockopt.js`, built by `npm test`), in a
 * temporary directory: stdout, stderr, exit code and the files on disk.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, dockopt as runCli } from './helpers/cli.js';

const MESSY =
  'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends make\n';
const FIXED =
  'FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends make && \\\n    rm -rf /var/lib/apt/lists/*\n';
const CLEAN = 'FROM debian:bookworm\nCMD ["sh"]\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real CLI, run in this test's folder. */
function dockopt(args: string[], options: SpawnSyncOptions = {}) {
  return runCli(dir, args, options);
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

test('dry run prints a unified diff and the summary, and writes nothing', () => {
  file('Dockerfile', MESSY);
  const { code, stdout, stderr } = dockopt(['Dockerfile']);
  expect(code).toBe(0);
  expect(stdout).toBe(
    [
      '--- a/Dockerfile',
      '+++ b/Dockerfile',
      '@@ -1,3 +1,4 @@',
      ' FROM debian:bookworm',
      '-RUN apt-get update',
      '-RUN apt-get install -y --no-install-recommends make',
      '+RUN apt-get update && \\',
      '+    apt-get install -y --no-install-recommends make && \\',
      '+    rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n'),
  );
  expect(stderr).toContain(
    'Dockerfile:2: apt-hygiene: moved `apt-get update` into the RUN that installs',
  );
  expect(stderr).toMatch(/1 changed, 0 unchanged, 0 errors \(estimated saving ~21\.0 MB\)\n$/);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(MESSY);
});

test('the diff applies with patch -p1 to give the --write result', () => {
  file('Dockerfile', MESSY);
  const { stdout } = dockopt(['Dockerfile']);
  const patch = spawnSync('patch', ['-p1'], { cwd: dir, input: stdout, encoding: 'utf8' });
  expect(patch.status).toBe(0);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(FIXED);
});

test('--write rewrites in place, keeps the mode, leaves no temp file; a second run changes nothing', () => {
  const path = file('Dockerfile', MESSY);
  chmodSync(path, 0o640);
  const first = dockopt(['--write', 'Dockerfile']);
  expect(first.code).toBe(0);
  expect(first.stdout).toBe('');
  expect(first.stderr).toContain('1 written, 0 unchanged, 0 errors');
  expect(readFileSync(path, 'utf8')).toBe(FIXED);
  expect(statSync(path).mode & 0o777).toBe(0o640);
  expect(readdirSync(dir)).toEqual(['Dockerfile']);
  const second = dockopt(['--write', 'Dockerfile']);
  expect(second.code).toBe(0);
  expect(second.stderr).toContain('0 written, 1 unchanged, 0 errors');
  expect(readFileSync(path, 'utf8')).toBe(FIXED);
});

test('--write keeps CRLF line endings and a missing final newline', () => {
  const path = file('Dockerfile', 'FROM debian:bookworm\r\nRUN echo a\r\nRUN echo b');
  expect(dockopt(['-w', 'Dockerfile']).code).toBe(0);
  expect(readFileSync(path, 'utf8')).toBe('FROM debian:bookworm\r\nRUN echo a && \\\r\n    echo b');
});

test('--check exits 1 and says which file and why; 0 when clean', () => {
  file('Dockerfile', MESSY);
  file('clean/Dockerfile', CLEAN);
  const dirty = dockopt(['--check', 'Dockerfile']);
  expect(dirty.code).toBe(1);
  expect(dirty.stdout).toBe('');
  expect(dirty.stderr).toContain('Dockerfile:2: apt-hygiene:');
  expect(dirty.stderr).toContain('1 would change, 0 unchanged, 0 errors');
  const clean = dockopt(['--check', 'clean/Dockerfile']);
  expect(clean.code).toBe(0);
  expect(clean.stderr).toContain('0 would change, 1 unchanged, 0 errors');
});

test('--list-different prints only the names of files that would change', () => {
  file('a/Dockerfile', MESSY);
  file('b/Dockerfile', CLEAN);
  file('c/api.Dockerfile', MESSY);
  const { code, stdout } = dockopt(['-l', '.']);
  expect(code).toBe(1);
  expect(stdout).toBe('a/Dockerfile\nc/api.Dockerfile\n');
});

test('stdin with --stdin-filepath and --print', () => {
  const { code, stdout, stderr } = dockopt(['-', '--print', '--stdin-filepath', 'svc/Dockerfile'], {
    input: MESSY,
  });
  expect(code).toBe(0);
  expect(stdout).toBe(FIXED);
  expect(stderr).toContain('svc/Dockerfile:2: apt-hygiene:');
});

test('stdin cannot be written', () => {
  const { code, stderr } = dockopt(['-', '--write'], { input: MESSY });
  expect(code).toBe(2);
  expect(stderr).toContain('cannot --write stdin');
});

test('a directory walk finds Dockerfiles by name and skips node_modules and .git', () => {
  file('svc/Dockerfile', MESSY);
  file('svc/Dockerfile.dev', MESSY);
  file('svc/Containerfile', MESSY);
  file('svc/worker.dockerfile', MESSY);
  file('svc/Dockerfile.dockerignore', 'node_modules\n');
  file('svc/README.md', '# hi\n');
  file('node_modules/pkg/Dockerfile', MESSY);
  file('.git/Dockerfile', MESSY);
  const { code, stdout } = dockopt(['-l', '.']);
  expect(code).toBe(1);
  expect(stdout).toBe(
    'svc/Containerfile\nsvc/Dockerfile\nsvc/Dockerfile.dev\nsvc/worker.dockerfile\n',
  );
});

test('an unreadable or invalid file among good ones: error for it, exit 2, the others still written', () => {
  file('a/Dockerfile', MESSY);
  writeFileSync(
    join(dir, 'b.Dockerfile'),
    Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a]),
  );
  file('c/Dockerfile', MESSY);
  file('d/Dockerfile', 'import os\nprint(os.name)\n');
  mkdirSync(join(dir, 'e', 'Dockerfile'), { recursive: true });
  symlinkSync(join(dir, 'a', 'Dockerfile'), join(dir, 'link.Dockerfile'));
  const locked = file('f/Dockerfile', MESSY);
  chmodSync(locked, 0o000);
  // As root every file is readable: run as `nobody` then, so the locked file really is unreadable.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if (process.getuid?.() === 0)
    for (const d of ['a', 'c']) {
      // Their own files (a rewrite keeps the owner, which `nobody` could not do for root's).
      chownSync(join(dir, d), 65534, 65534);
      chownSync(join(dir, d, 'Dockerfile'), 65534, 65534);
    }
  chmodSync(dir, 0o777);
  const { code, stderr } = dockopt(
    [
      '--write',
      'a/Dockerfile',
      'b.Dockerfile',
      'c/Dockerfile',
      'd/Dockerfile',
      'e/Dockerfile',
      'link.Dockerfile',
      'f/Dockerfile',
      'missing/Dockerfile',
    ],
    asNobody,
  );
  expect(code).toBe(2);
  expect(stderr).toContain('dockopt: b.Dockerfile: is not valid UTF-8 text');
  expect(stderr).toContain('dockopt: d/Dockerfile: not a Dockerfile: line 1 starts with "import"');
  expect(stderr).toContain('dockopt: e/Dockerfile: no Dockerfile found in this directory');
  expect(stderr).toContain(
    `dockopt: link.Dockerfile: is a symbolic link to ${join(dir, 'a', 'Dockerfile')} (links are not followed: name the file itself)`,
  );
  expect(stderr).toContain('dockopt: f/Dockerfile: permission denied');
  expect(stderr).toContain('dockopt: missing/Dockerfile: no such file or directory');
  expect(stderr).toContain('2 written, 0 unchanged, 6 errors');
  expect(readFileSync(join(dir, 'a/Dockerfile'), 'utf8')).toBe(FIXED);
  expect(readFileSync(join(dir, 'c/Dockerfile'), 'utf8')).toBe(FIXED);
});

test('an unknown transform id is an error, not ignored', () => {
  file('Dockerfile', MESSY);
  const { code, stderr } = dockopt(['--only', 'colapse-run', 'Dockerfile']);
  expect(code).toBe(2);
  expect(stderr).toContain('unknown transform "colapse-run"');
});

test('an unknown flag is an error', () => {
  const { code, stderr } = dockopt(['--wirte', 'Dockerfile']);
  expect(code).toBe(2);
  expect(stderr).toBe('dockopt: unknown option --wirte (did you mean --write?); see --help\n');
});

test('--only runs just the named transform', () => {
  file(
    'Dockerfile',
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y make\nRUN echo done\n',
  );
  const { stdout } = dockopt(['--only', 'collapse-run', '--print', 'Dockerfile']);
  expect(stdout).toBe(
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y make && \\\n    echo done\n',
  );
});

test('--list-transforms shows id, safety, category and default', () => {
  const { code, stdout } = dockopt(['--list-transforms']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^id\s+safety\s+category\s+default\s+what it does\n/);
  expect(stdout).toMatch(
    /\ncollapse-run\s+safe\s+size\s+on\s+Merge consecutive RUN instructions\n/,
  );
});

test('a reader that closes the pipe early (| head) does not crash the run', () => {
  for (let i = 0; i < 40; i++) file(`s${i}/Dockerfile`, MESSY);
  const script = `node ${JSON.stringify(BIN)} --run-in-band . 2>err.txt | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const result = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
  expect(result.stdout).toBe('0\n');
  const stderr = readFileSync(join(dir, 'err.txt'), 'utf8');
  expect(stderr).not.toContain('EPIPE');
  expect(stderr).toContain('40 changed, 0 unchanged, 0 errors');
});
