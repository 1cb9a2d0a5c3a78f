/**
 * The worker pool against one process: the same files give the same stdout, stderr, exit code and
 * files on disk, in the same order, whatever the number of workers.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, generateCorpus, readTree, tempDir } from './helpers/cli.js';

let dir: string;
let inBand: ReturnType<typeof dockopt>;
beforeAll(() => {
  dir = tempDir('runner');
  generateCorpus(join(dir, 'corpus'), 120, 7);
  // Errors and skips among them, so every kind of result crosses the worker boundary.
  writeFileSync(join(dir, 'corpus', 'repo-0003', 'svc-1', 'Dockerfile'), 'import os\n');
  writeFileSync(join(dir, 'corpus', 'repo-0005', 'Dockerfile'), 'FROM a\r\nRUN b\nRUN c\n');
  writeFileSync(
    join(dir, 'corpus', 'repo-0006', 'Dockerfile'),
    '# dockopt ignore-file\nFROM debian\nRUN a\nRUN b\n',
  );
  inBand = dockopt(dir, ['--run-in-band', '-v', 'corpus']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('generated corpus: the dry run has changes, errors and skips to compare', () => {
  expect(inBand.code).toBe(2);
  expect(inBand.stderr).toMatch(/\n\d{2,} changed, \d+ unchanged, 1 skipped, 2 errors/);
  expect(inBand.stdout).toContain('+++ b/corpus/repo-0000/');
});

test.each(['-j 2', '-j 3', '--jobs=4'])('dry run with %s: identical to --run-in-band', (flag) => {
  expect(dockopt(dir, [...flag.split(' '), '-v', 'corpus'])).toEqual(inBand);
});

test('--write with a pool writes the same files as --run-in-band', () => {
  cpSync(join(dir, 'corpus'), join(dir, 'a'), { recursive: true });
  cpSync(join(dir, 'corpus'), join(dir, 'b'), { recursive: true });
  const inBand = dockopt(join(dir, 'a'), ['--write', '--run-in-band', '.']);
  const pooled = dockopt(join(dir, 'b'), ['--write', '-j', '2', '.']);
  expect(pooled).toEqual(inBand);
  expect(inBand.stderr).toMatch(/\d+ written/);
  const before = readTree(join(dir, 'corpus'));
  const written = readTree(join(dir, 'a'));
  expect(readTree(join(dir, 'b'))).toEqual(written);
  expect(Object.keys(written).filter((k) => written[k] !== before[k]).length).toBeGreaterThan(50);
});

test('--jobs must be a positive whole number', () => {
  const run = dockopt(dir, ['-j', '0', 'corpus']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--jobs must be a whole number');
});
