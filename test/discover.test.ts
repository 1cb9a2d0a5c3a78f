/**
 * Discovery over real directory trees with real `git init`: .gitignore files as git reads them,
 * skipped folders, symbolic links, --exclude, globs, many roots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../src/cli/discover.js';
import { tempDir, writeFiles } from './helpers/cli.js';

const DOCKERFILE = 'FROM debian\nRUN a\nRUN b\n';
let dir: string;
beforeEach(() => {
  dir = tempDir('discover');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const gitInit = (path: string) => {
  mkdirSync(path, { recursive: true });
  execFileSync('git', ['init', '-q', path]);
};
const dockerfiles = (...names: string[]) =>
  writeFiles(dir, Object.fromEntries(names.map((n) => [n, DOCKERFILE])));
const found = (paths: string[], exclude: string[] = []) =>
  discover(paths, { cwd: dir, exclude }).targets.map((t) => t.path);

test('.gitignore at the root, nested ones with negations, and .git/info/exclude', () => {
  gitInit(join(dir, 'repo'));
  dockerfiles(
    'repo/svc/Dockerfile',
    'repo/build/Dockerfile',
    'repo/out/keep/Dockerfile',
    'repo/tools/Dockerfile.generated',
    'repo/tools/Dockerfile.dev',
    'repo/tools/Dockerfile.local',
    'repo/private/Dockerfile',
  );
  writeFiles(dir, {
    'repo/.gitignore': 'build/\nout/\nDockerfile.*\n',
    // A deeper file re-includes one name; it cannot re-include inside an ignored directory.
    'repo/tools/.gitignore': '!Dockerfile.dev\n',
    'repo/out/.gitignore': '!keep/\n',
    'repo/.git/info/exclude': 'private/\n',
  });
  expect(found(['repo'])).toEqual(['repo/svc/Dockerfile', 'repo/tools/Dockerfile.dev']);
});

test('searching a subdirectory still applies the rules of the repository above it', () => {
  gitInit(join(dir, 'repo'));
  dockerfiles('repo/services/api/Dockerfile', 'repo/services/api/gen/Dockerfile');
  writeFiles(dir, { 'repo/.gitignore': 'gen/\n' });
  expect(found(['repo/services'])).toEqual(['repo/services/api/Dockerfile']);
});

test('a nested repository has its own rules, and each file knows its repository', () => {
  gitInit(join(dir, 'outer'));
  gitInit(join(dir, 'outer', 'inner'));
  dockerfiles('outer/app/Dockerfile', 'outer/inner/app/Dockerfile', 'outer/inner/x/Dockerfile');
  writeFiles(dir, { 'outer/.gitignore': 'app/\n', 'outer/inner/.gitignore': 'x/\n' });
  const { targets } = discover(['outer'], { cwd: dir });
  expect(targets).toEqual([
    { path: 'outer/inner/app/Dockerfile', explicit: false, repo: join(dir, 'outer', 'inner') },
  ]);
});

test('outside any repository, .gitignore files below the starting point count', () => {
  dockerfiles('plain/a/Dockerfile', 'plain/b/Dockerfile');
  writeFiles(dir, { 'plain/.gitignore': 'b/\n', '.gitignore': 'a/\n' });
  const { targets } = discover(['plain'], { cwd: dir });
  expect(targets).toEqual([{ path: 'plain/a/Dockerfile', explicit: false, repo: null }]);
});

test('dependency, vendored and tool folders are skipped; .devcontainer and .github are searched', () => {
  dockerfiles(
    'node_modules/pkg/Dockerfile',
    'vendor/lib/Dockerfile',
    'third/vendored/Dockerfile',
    '.terraform/modules/m/Dockerfile',
    '.venv/Dockerfile',
    '.devcontainer/Dockerfile',
    '.github/actions/build/Dockerfile',
    'app/Dockerfile',
  );
  expect(found(['.'])).toEqual([
    '.devcontainer/Dockerfile',
    '.github/actions/build/Dockerfile',
    'app/Dockerfile',
  ]);
});

test('no symbolic link is followed out of the tree; a directory named on the command line is', () => {
  dockerfiles('outside/Dockerfile', 'tree/app/Dockerfile');
  symlinkSync(join(dir, 'outside'), join(dir, 'tree', 'link'));
  symlinkSync(join(dir, 'tree'), join(dir, 'tree', 'app', 'loop'));
  symlinkSync(join(dir, 'outside', 'Dockerfile'), join(dir, 'tree', 'other.Dockerfile'));
  expect(found(['tree'])).toEqual(['tree/app/Dockerfile']);
  expect(found(['tree/link'])).toEqual(['tree/link/Dockerfile']);
});

test('--exclude takes gitignore patterns relative to the directory searched', () => {
  dockerfiles(
    'r/legacy/Dockerfile',
    'r/svc/Dockerfile',
    'r/svc/Dockerfile.dev',
    'r/x/y/Dockerfile',
  );
  expect(found(['r'], ['legacy/', '*.dev', 'x/y'])).toEqual(['r/svc/Dockerfile']);
  // A file named on the command line is left out too when a pattern matches it.
  expect(found(['r/svc/Dockerfile.dev', 'r/svc/Dockerfile'], ['*.dev'])).toEqual([
    'r/svc/Dockerfile',
  ]);
});

test('globs: files they match are processed whatever the name, directories searched, ignores honoured', () => {
  gitInit(join(dir, 'r'));
  dockerfiles('r/a/Dockerfile', 'r/b/Dockerfile', 'r/gen/Dockerfile', 'r/docker/web.df');
  writeFiles(dir, { 'r/.gitignore': 'gen/\n' });
  expect(found(['r/*/Dockerfile', 'r/docker/*.df'])).toEqual([
    'r/a/Dockerfile',
    'r/b/Dockerfile',
    'r/docker/web.df',
  ]);
  expect(found(['r/{a,docker}'])).toEqual(['r/a/Dockerfile']);
  // A deeper .gitignore cannot re-include a file inside an ignored folder, for a glob either.
  dockerfiles('r/build/Dockerfile');
  writeFiles(dir, { 'r/.gitignore': 'gen/\nbuild/\n', 'r/build/.gitignore': '!Dockerfile\n' });
  expect(found(['r/*/Dockerfile'])).toEqual(['r/a/Dockerfile', 'r/b/Dockerfile']);
  const none = discover(['r/*/Nothing'], { cwd: dir });
  expect(none.errors).toEqual([
    { path: 'r/*/Nothing', message: 'no Dockerfile matches this pattern' },
  ]);
});

test('many roots: in the order given, each file once', () => {
  dockerfiles('b/Dockerfile', 'a/Dockerfile', 'a/z/Dockerfile');
  expect(found(['b', 'a', 'a/z/Dockerfile', 'b/Dockerfile'])).toEqual([
    'b/Dockerfile',
    'a/Dockerfile',
    'a/z/Dockerfile',
  ]);
  writeFileSync(join(dir, 'README'), 'x');
  const missing = discover(['nope', 'a'], { cwd: dir });
  expect(missing.errors).toEqual([{ path: 'nope', message: 'no such file or directory' }]);
});
