/**
 * The shared helpers behind the best-practice transforms, on the inputs their fixtures do not
 * reach one by one: image references, Docker's word splitting, WORKDIR resolution.
 */
import { baseImageFacts, parseImageReference } from '../src/core/base-image.js';
import { dockerWords, isSingleDockerWord } from '../src/core/docker-words.js';
import { cleanPath, resolveWorkdir } from '../src/core/workdir.js';

describe('parseImageReference', () => {
  test.each([
    ['python:3.12-slim', { registry: null, repository: 'python', tag: '3.12-slim', digest: null }],
    [
      'docker.io/library/debian:bookworm',
      { registry: null, repository: 'debian', tag: 'bookworm', digest: null },
    ],
    [
      'localhost:5000/app:1',
      { registry: 'localhost:5000', repository: 'app', tag: '1', digest: null },
    ],
    [
      'ghcr.io/org/tool@sha256:abc',
      { registry: 'ghcr.io', repository: 'org/tool', tag: null, digest: 'sha256:abc' },
    ],
    ['mycorp/base', { registry: null, repository: 'mycorp/base', tag: null, digest: null }],
  ])('%s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });

  test('variables and empty names are not references', () => {
    expect(parseImageReference('${BASE}')).toBeNull();
    expect(parseImageReference('')).toBeNull();
  });
});

describe('baseImageFacts', () => {
  test.each([
    ['scratch', 'scratch', true, '/'],
    ['debian:bookworm-slim', 'debian', true, '/'],
    ['docker.io/library/ubuntu:24.04', 'debian', true, '/'],
    ['rockylinux:9', 'rhel', true, '/'],
    ['registry.access.redhat.com/ubi9/ubi-minimal', 'rhel', true, null],
    ['python:3.12-slim-bookworm', 'debian', true, '/'],
    ['python:3.12-alpine3.20', 'alpine', true, '/'],
    ['golang:1.22', 'debian', true, '/go'],
    ['node:20-alpine', 'alpine', false, '/'],
    ['node:20-windowsservercore', null, false, '/'],
    ['ghcr.io/library/python:3.12', null, false, null],
    ['mycorp/python:3.12', null, false, null],
  ])('%s', (image, family, noEntrypoint, workdir) => {
    const facts = baseImageFacts(image);
    expect([facts.family, facts.noEntrypoint, facts.workdir]).toEqual([
      family,
      noEntrypoint,
      workdir,
    ]);
  });
});

describe('dockerWords', () => {
  test('blanks split words outside quotes and escapes; quotes stay in the word', () => {
    expect(dockerWords(`a "b c" d\\ e 'f g'h`).map((w) => w.text)).toEqual([
      'a',
      '"b c"',
      'd\\ e',
      "'f g'h",
    ]);
  });

  test('a backslash escapes nothing inside single quotes', () => {
    expect(dockerWords(`'a\\' b`).map((w) => w.text)).toEqual([`'a\\'`, 'b']);
  });

  test('isSingleDockerWord needs one word and balanced quotes', () => {
    expect(isSingleDockerWord('"hello world"')).toBe(true);
    expect(isSingleDockerWord('hello world')).toBe(false);
    expect(isSingleDockerWord('"open')).toBe(false);
  });
});

describe('WORKDIR resolution', () => {
  test('relative paths join the current directory and are cleaned like filepath.Join', () => {
    expect(resolveWorkdir('/app', 'src/../lib/')).toBe('/app/lib');
    expect(resolveWorkdir('/', '../../tmp')).toBe('/tmp');
    expect(resolveWorkdir('/app', '/srv//x/.')).toBe('/srv/x');
  });

  test('unknown when the current directory is unknown or the value has a variable', () => {
    expect(resolveWorkdir(null, 'src')).toBeNull();
    expect(resolveWorkdir('/app', '$HOME')).toBeNull();
    expect(resolveWorkdir('/app', '/srv/$X')).toBeNull();
  });

  test('cleanPath keeps the root', () => {
    expect(cleanPath('/')).toBe('/');
    expect(cleanPath('//a//b/')).toBe('/a/b');
  });
});
