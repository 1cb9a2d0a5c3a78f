/**
 * The build context on disk (src/fs/build-context.ts) keeps what it learns for one file's run: listings,
 * kinds and texts. What it answers must still be what the disk says, whatever order the questions
 * come in, and a path that is not a regular file is never read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsBuildContext } from '../src/fs/build-context.js';
import { tempDir } from './helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('fsctx');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), '{"name":"a"}\n');
  writeFileSync(join(dir, 'src', 'index.js'), 'x\n');
  symlinkSync('package.json', join(dir, 'link.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const questions = (listFirst: boolean) => {
  const context = fsBuildContext(dir, join(dir, 'Dockerfile'));
  const listing = listFirst ? context.list('') : null;
  const answers = {
    packageJson: context.readText('package.json'),
    missing: context.readText('.dockerignore'),
    missingExists: context.exists('.dockerignore'),
    folderText: context.readText('src'),
    folderIsDirectory: context.isDirectory('src'),
    nested: context.readText('src/index.js'),
    nestedMissing: context.exists('src/nope.js'),
    viaLink: context.readText('link.json'),
    list: context.list(''),
    listAgain: context.list(''),
  };
  return { listing, answers };
};

test('the same answers whether the folder was listed first or not', () => {
  const fresh = questions(false).answers;
  const { listing, answers } = questions(true);
  expect(answers).toEqual(fresh);
  expect(listing).toEqual(['link.json', 'package.json', 'src']);
  expect(fresh).toEqual({
    packageJson: '{"name":"a"}\n',
    missing: null,
    missingExists: false,
    folderText: null,
    folderIsDirectory: true,
    nested: 'x\n',
    nestedMissing: false,
    viaLink: '{"name":"a"}\n',
    list: ['link.json', 'package.json', 'src'],
    listAgain: ['link.json', 'package.json', 'src'],
  });
});

test('a listing handed out cannot change what the next caller gets', () => {
  const context = fsBuildContext(dir, null);
  context.list('').splice(0);
  expect(context.list('')).toEqual(['link.json', 'package.json', 'src']);
});

test('a FIFO in the context is not read (reading it would block the run)', () => {
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  const context = fsBuildContext(dir, null);
  expect(context.exists('pipe')).toBe(true);
  expect(context.readText('pipe')).toBeNull();
});
