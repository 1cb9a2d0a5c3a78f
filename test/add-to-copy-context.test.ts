/**
 * add-to-copy with a build context on disk: files are judged by their content (tar archives by
 * their magic numbers, whatever their names), not only by their names. Fixtures run without a
 * context, so this is where that path is exercised.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialize, optimizeSync } from '../src/api.js';
import { fsBuildContext } from '../src/fs/build-context.js';

let dir: string;
beforeAll(() => initialize());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-add-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'Gemfile'), "source 'https://rubygems.org'\n");
  writeFileSync(join(dir, 'rootfs'), gzipSync(Buffer.from('not really a tar, but gzip')));
  const tar = Buffer.alloc(1024);
  tar.write('hello.txt', 0);
  tar.write('ustar\u000000', 257, 'latin1');
  writeFileSync(join(dir, 'layer.img'), tar);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(dockerfile: string) {
  const result = optimizeSync(dockerfile, {
    only: ['add-to-copy'],
    buildContext: fsBuildContext(dir, join(dir, 'Dockerfile')),
  });
  return { output: result.output, messages: result.findings.map((f) => f.message) };
}

test('an extensionless text file and a directory become COPY', () => {
  const { output, messages } = run('FROM ruby:3.3\nADD Gemfile /app/\nADD src /app/src\n');
  expect(output).toBe('FROM ruby:3.3\nCOPY Gemfile /app/\nCOPY src /app/src\n');
  expect(messages.every((m) => !m.includes('judged by name'))).toBe(true);
});

test('a gzip file without an archive name stays ADD', () => {
  const input = 'FROM scratch\nADD rootfs /\n';
  const { output, messages } = run(input);
  expect(output).toBe(input);
  expect(messages).toEqual(['ADD kept: `rootfs` is a tar archive, which ADD unpacks']);
});

test('an uncompressed tar with another extension stays ADD', () => {
  const input = 'FROM scratch\nADD layer.img /\n';
  const { output, messages } = run(input);
  expect(output).toBe(input);
  // Said, so that a transform that looked at nothing would not pass.
  expect(messages).toEqual(['ADD kept: `layer.img` is a tar archive, which ADD unpacks']);
});

test('a file missing from the context is judged by its name, and the message says so', () => {
  const { output, messages } = run('FROM alpine\nADD missing.py /srv/\n');
  expect(output).toBe('FROM alpine\nCOPY missing.py /srv/\n');
  expect(messages[0]).toContain('judged by name: not found in the build context');
});
