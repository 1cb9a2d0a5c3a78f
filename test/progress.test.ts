/**
 * The progress bar: drawn on stderr when it is a terminal (a pseudo-terminal from `script`) and
 * there are many files; absent when stderr is a pipe, as in CI.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, dockopt, generateCorpus, tempDir } from './helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('progress');
  generateCorpus(join(dir, 'corpus'), 60, 3);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasScript = spawnSync('script', ['--version']).status === 0;

(hasScript ? test : test.skip)(
  'on a terminal, with many files: done/total, changed, errors, ETA',
  () => {
    // `script` runs the command on a pseudo-terminal; stdout goes to /dev/null, stderr is the pty.
    const command = `${process.execPath} ${BIN} --run-in-band -l corpus >/dev/null`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
    const screen = run.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    // Frames are drawn on a timer: the last one shown may be before the last file.
    expect(screen).toMatch(
      /dockopt \[=+-*\] [1-9]\d*\/60 files \| [1-9]\d* changed \| 0 errors \| ETA \d+s/,
    );
  },
);

test('stderr is a pipe: no bar', () => {
  const run = dockopt(dir, ['--run-in-band', 'corpus']);
  expect(run.stderr).not.toMatch(/files \|/);
  expect(run.stderr).toMatch(/\d+ changed, \d+ unchanged/);
});
