/**
 * `--git-branch`: real repositories made with `git init` in a temp dir. Per repository with
 * changes: a new branch from HEAD, the files written and committed there with a message listing
 * the transforms and savings; a repository with local changes in a file it would touch refused;
 * the dry run says what would be committed where and changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, tempDir, writeFiles } from './helpers/cli.js';

const APT = 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl\n';
const CLEAN = 'FROM alpine\nCMD ["sh"]\n';

let dir: string;
const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', join(dir, repo), ...args], { encoding: 'utf8' }).trim();

/** A repository with one commit holding `files`. */
function repo(name: string, files: Record<string, string>): void {
  execFileSync('git', ['init', '-q', '-b', 'main', join(dir, name)]);
  git(name, 'config', 'user.email', 'dev@example.com');
  git(name, 'config', 'user.name', 'Dev');
  writeFiles(join(dir, name), files);
  git(name, 'add', '-A');
  git(name, 'commit', '-q', '-m', 'initial');
}

beforeEach(() => {
  dir = tempDir('git');
  repo('api', { Dockerfile: APT, 'worker/Dockerfile': APT, 'README.md': 'api\n' });
  repo('web', { Dockerfile: APT });
  repo('clean', { Dockerfile: CLEAN });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('--write --git-branch: a branch from HEAD per repository with changes, committed, not pushed', () => {
  const initial = git('api', 'rev-parse', 'HEAD');
  const run = dockopt(dir, ['--write', '--git-branch', 'dockopt/optimise', 'api', 'web', 'clean']);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(
    /dockopt: api: committed 2 files on branch dockopt\/optimise \(\w+\); not pushed\n/,
  );
  expect(run.stderr).toMatch(/dockopt: web: committed 1 file on branch dockopt\/optimise/);
  expect(run.stderr).toContain('3 written, 1 unchanged, 0 errors');

  expect(git('api', 'branch', '--show-current')).toBe('dockopt/optimise');
  expect(git('api', 'rev-parse', 'HEAD~1')).toBe(initial);
  expect(git('api', 'rev-parse', 'main')).toBe(initial);
  expect(git('api', 'status', '--porcelain')).toBe('');
  expect(git('api', 'show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual([
    'Dockerfile',
    'worker/Dockerfile',
  ]);
  const message = git('api', 'log', '-1', '--format=%B');
  expect(message).toMatch(/^Optimise Dockerfiles with dockopt \(apt-hygiene\)\n\n/);
  expect(message).toContain('Transforms applied:\n- apt-hygiene: 2 files\n');
  expect(message).toMatch(/Estimated image size saving: ~[\d.]+ MB\./);
  expect(message).toContain('Layers (RUN/COPY/ADD): 4 → 2.');
  expect(message).toContain('Files:\n- Dockerfile\n- worker/Dockerfile');
  expect(readFileSync(join(dir, 'api/Dockerfile'), 'utf8')).not.toBe(APT);

  // Nothing to change: no branch.
  expect(git('clean', 'branch', '--list')).toBe('* main');
  expect(git('api', 'remote')).toBe('');
});

test('a repository with local changes in a file it would touch is refused; the others go ahead', () => {
  writeFileSync(join(dir, 'api/worker/Dockerfile'), `${APT}# local edit\n`);
  // Local changes elsewhere do not matter, and are not committed.
  writeFileSync(join(dir, 'web/README.md'), 'notes\n');
  const run = dockopt(dir, ['--write', '--git-branch', 'opt', 'api', 'web']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(
    'dockopt: api: refused: uncommitted changes in worker/Dockerfile (commit or stash them first)\n',
  );
  expect(run.stderr).toContain(
    'dockopt: api/Dockerfile: repository refused: uncommitted changes in worker/Dockerfile',
  );
  expect(git('api', 'branch', '--list')).toBe('* main');
  expect(readFileSync(join(dir, 'api/Dockerfile'), 'utf8')).toBe(APT);
  expect(readFileSync(join(dir, 'api/worker/Dockerfile'), 'utf8')).toBe(`${APT}# local edit\n`);

  expect(git('web', 'branch', '--show-current')).toBe('opt');
  expect(git('web', 'show', '--name-only', '--format=', 'HEAD')).toBe('Dockerfile');
  expect(git('web', 'status', '--porcelain')).toBe('?? README.md');
});

test('an existing branch of that name is not overwritten', () => {
  git('web', 'branch', 'opt');
  const run = dockopt(dir, ['--write', '--git-branch', 'opt', 'web']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('dockopt: web: refused: a branch opt already exists');
  expect(readFileSync(join(dir, 'web/Dockerfile'), 'utf8')).toBe(APT);
});

test('dry run: says what would be committed where, changes nothing', () => {
  writeFileSync(join(dir, 'web/Dockerfile'), `${APT}# local edit\n`);
  const run = dockopt(dir, [
    '--git-branch',
    'opt',
    '--git-message',
    'chore: smaller images',
    'api',
    'web',
  ]);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    'dockopt: api: would create branch opt from HEAD and commit Dockerfile, worker/Dockerfile:\n    chore: smaller images\n',
  );
  expect(run.stderr).toContain('dockopt: web: would be refused: uncommitted changes in Dockerfile');
  expect(run.stdout).toContain('+++ b/api/Dockerfile');
  expect(git('api', 'branch', '--list')).toBe('* main');
  expect(git('api', 'status', '--porcelain')).toBe('');
});

test('--git-message replaces the message; a file outside any repository is not written', () => {
  writeFiles(dir, { 'loose/Dockerfile': APT });
  const run = dockopt(dir, [
    '--write',
    '--git-branch',
    'opt',
    '--git-message',
    'chore: smaller images',
    'web',
    'loose',
  ]);
  expect(run.code).toBe(2);
  expect(git('web', 'log', '-1', '--format=%B')).toBe('chore: smaller images');
  expect(run.stderr).toContain(
    'dockopt: loose/Dockerfile: not in a git repository, so not written',
  );
  expect(readFileSync(join(dir, 'loose/Dockerfile'), 'utf8')).toBe(APT);
});

test('--git-branch is refused with --check, and a bad name is refused', () => {
  expect(dockopt(dir, ['--check', '--git-branch', 'x', 'web']).stderr).toContain(
    '--git-branch goes with --write',
  );
  expect(dockopt(dir, ['--write', '--git-branch', 'a..b', 'web']).stderr).toContain(
    'is not a valid branch name',
  );
});
