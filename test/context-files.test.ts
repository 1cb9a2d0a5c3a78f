/**
 * Changes to other files of the build context (the .dockerignore the dockerignore transform
 * proposes), through the real CLI: shown as a new or changed file in the diff, applied by
 * `patch -p1`, written with --write, counted by --check, and proposed once when several
 * Dockerfiles share the context.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, readTree, tempDir, writeFiles } from './helpers/cli.js';

const APP = {
  'package.json': '{\n  "name": "app",\n  "dependencies": { "ms": "2.1.3" }\n}\n',
  'package-lock.json': '{}\n',
  'src/index.js': 'console.log(1);\n',
  'node_modules/ms/index.js': '// installed on the host\n',
};
const DOCKERFILE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
const ONLY = ['--only', 'dockerignore,copy-order'];

let dir: string;
beforeEach(() => {
  dir = tempDir('context-files');
  writeFiles(dir, { ...APP, Dockerfile: DOCKERFILE });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a dry run shows the new .dockerignore as a created file; patch -p1 gives the --write result', () => {
  const dry = dockopt(dir, [...ONLY, 'Dockerfile']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain('--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,');
  expect(dry.stdout).toContain('+**/node_modules\n');
  // copy-order relies on the proposed entry: node_modules is in the context.
  expect(dry.stdout).toContain('+COPY package.json package-lock.json ./\n');
  expect(existsSync(join(dir, '.dockerignore'))).toBe(false);

  const patched = tempDir('context-files-patch');
  try {
    cpSync(dir, patched, { recursive: true });
    const patch = spawnSync('patch', ['-p1'], {
      cwd: patched,
      input: dry.stdout,
      encoding: 'utf8',
    });
    expect(patch.status).toBe(0);
    const written = dockopt(dir, [...ONLY, '--write', 'Dockerfile']);
    expect(written.code).toBe(0);
    expect(readTree(dir)).toEqual(readTree(patched));
  } finally {
    rmSync(patched, { recursive: true, force: true });
  }
  expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toMatch(/^# Not needed in the image/);
  expect(dockopt(dir, [...ONLY, '--check', 'Dockerfile']).code).toBe(0);
});

test('--check counts a file whose only change is the .dockerignore', () => {
  writeFiles(dir, {
    Dockerfile:
      'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
  });
  const check = dockopt(dir, [...ONLY, '--check', 'Dockerfile']);
  expect(check.code).toBe(1);
  expect(check.stderr).toContain('1 would change');
});

test('an existing .dockerignore is extended in place, keeping its lines', () => {
  writeFiles(dir, { '.dockerignore': 'coverage\n' });
  const dry = dockopt(dir, [...ONLY, 'Dockerfile']);
  expect(dry.stdout).toContain('--- a/.dockerignore\n+++ b/.dockerignore\n@@ -1,1 +1,');
  expect(dockopt(dir, [...ONLY, '--write', 'Dockerfile']).code).toBe(0);
  expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toMatch(/^coverage\n# Not needed/);
});

test('two Dockerfiles of one context: the .dockerignore is shown and written once', () => {
  writeFiles(dir, { 'Dockerfile.dev': `${DOCKERFILE}CMD ["npm", "run", "dev"]\n` });
  const dry = dockopt(dir, [...ONLY, '--run-in-band', '.']);
  expect(dry.stdout.split('+++ b/.dockerignore').length).toBe(2);
  const written = dockopt(dir, [...ONLY, '--write', '.']);
  expect(written.code).toBe(0);
  expect(written.stderr).toContain('2 written, 0 unchanged, 0 errors');
  expect(dockopt(dir, [...ONLY, '--check', '.']).code).toBe(0);
});
