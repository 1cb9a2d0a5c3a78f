/**
 * The facts cache: where it lives, what its key covers (a context file's contents and mode, the
 * texts, the builder), hits, corrupt and other-version entries, cached failures, clearing.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  clearFactsCache,
  factsCacheDir,
  factsCacheKey,
  readFactsCache,
  writeFactsCache,
  type CacheKeyInput,
  type CachedFacts,
} from '../src/facts/cache.js';
import { FACTS_VERSION, type StageFacts } from '../src/facts/types.js';

let dir = '';
let context = '';
let cache = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-facts-cache-'));
  context = join(dir, 'context');
  cache = join(dir, 'cache');
  mkdirSync(join(context, 'src', 'lib'), { recursive: true });
  writeFileSync(join(context, 'go.mod'), 'module x\n');
  writeFileSync(join(context, 'src', 'main.go'), 'package main\n');
  writeFileSync(join(context, 'src', 'lib', 'util.go'), 'package lib\n');
  writeFileSync(join(context, 'unrelated.txt'), 'not copied\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const input = (over: Partial<CacheKeyInput> = {}): CacheKeyInput => ({
  builder: 'buildah',
  texts: ['FROM golang\nCOPY . .\nRUN go build\n', 'FROM golang\nCOPY . .\n'],
  context,
  contextFiles: ['go.mod', 'src'],
  question: { entry: { argv: ['/app'] } },
  ...over,
});

const facts: StageFacts = {
  factsVersion: FACTS_VERSION,
  builder: 'buildah',
  os: null,
  entry: null,
  checks: { '/app': true },
  diff: null,
  notes: [],
};

describe('where the cache lives', () => {
  test('DOCKOPT_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(factsCacheDir({ DOCKOPT_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/facts');
    expect(factsCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/dockopt/facts');
    expect(factsCacheDir({})).toBe(join(homedir(), '.cache', 'dockopt', 'facts'));
  });
});

describe('the key', () => {
  test('is stable, and independent of the order context files are named in', () => {
    expect(factsCacheKey(input())).toMatch(/^[0-9a-f]{64}$/);
    expect(factsCacheKey(input())).toBe(
      factsCacheKey(input({ contextFiles: ['src', 'go.mod', 'src'] })),
    );
  });

  test('changes with a copied file (also deep in a copied directory) and its mode, not with others', () => {
    const key = factsCacheKey(input());
    writeFileSync(join(context, 'unrelated.txt'), 'changed\n');
    expect(factsCacheKey(input())).toBe(key);
    writeFileSync(join(context, 'src', 'lib', 'util.go'), 'package lib // changed\n');
    const edited = factsCacheKey(input());
    expect(edited).not.toBe(key);
    chmodSync(join(context, 'go.mod'), 0o755);
    expect(factsCacheKey(input())).not.toBe(edited);
  });

  test('changes with a new file in a copied directory, a symlink target, a missing file', () => {
    const key = factsCacheKey(input());
    writeFileSync(join(context, 'src', 'new.go'), 'package main\n');
    const added = factsCacheKey(input());
    expect(added).not.toBe(key);
    symlinkSync('main.go', join(context, 'src', 'link'));
    const linked = factsCacheKey(input());
    expect(linked).not.toBe(added);
    expect(factsCacheKey(input({ contextFiles: ['go.mod', 'src', 'absent'] }))).not.toBe(linked);
  });

  test('changes with the texts, the builder, the question, .dockerignore and the ignore file', () => {
    const key = factsCacheKey(input());
    const others = [
      factsCacheKey(
        input({ texts: ['FROM golang\nCOPY . .\nRUN go build -v\n', 'FROM golang\nCOPY . .\n'] }),
      ),
      factsCacheKey(input({ texts: ['FROM golang\nCOPY . .\nRUN go build\n', null] })),
      factsCacheKey(input({ builder: 'docker' })),
      factsCacheKey(input({ question: { entry: { argv: ['/app', '-v'] } } })),
      factsCacheKey(input({ ignoreFiles: [join(dir, 'custom.dockerignore')] })),
    ];
    writeFileSync(join(context, '.dockerignore'), 'unrelated.txt\n');
    others.push(factsCacheKey(input()));
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

describe('entries', () => {
  test('a miss, then a hit after a write; a failed build is cached as a failure', () => {
    const key = factsCacheKey(input());
    expect(readFactsCache(key, cache)).toBeNull();
    writeFactsCache(key, { ok: true, facts }, cache);
    expect(readFactsCache(key, cache)).toEqual({ ok: true, facts });
    const failure: CachedFacts = {
      ok: false,
      failed: 'stage',
      log: 'E: Unable to locate package gcc-99',
    };
    const other = factsCacheKey(input({ builder: 'podman' }));
    writeFactsCache(other, failure, cache);
    expect(readFactsCache(other, cache)).toEqual(failure);
    expect(readdirSync(cache).sort()).toEqual([`${key}.json`, `${other}.json`].sort());
  });

  test('corrupt, other-version, wrongly keyed and shapeless entries count as absent', () => {
    const key = factsCacheKey(input());
    writeFactsCache(key, { ok: true, facts }, cache);
    const file = join(cache, `${key}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    for (const broken of [
      '{"factsVersion": 1, "key": "',
      JSON.stringify({ ...stored, factsVersion: FACTS_VERSION + 1 }),
      JSON.stringify({ ...stored, key: 'f'.repeat(64) }),
      JSON.stringify({ ...stored, result: { ok: true } }),
      JSON.stringify({ ...stored, result: { ok: false } }),
      'null',
    ]) {
      writeFileSync(file, broken);
      expect(readFactsCache(key, cache)).toBeNull();
    }
    writeFileSync(file, JSON.stringify(stored));
    expect(readFactsCache(key, cache)).toEqual({ ok: true, facts });
  });

  test('clear removes entries and leftover temporary files, nothing else', () => {
    const keys = [factsCacheKey(input()), factsCacheKey(input({ builder: 'docker' }))];
    for (const key of keys) writeFactsCache(key, { ok: true, facts }, cache);
    writeFileSync(join(cache, `${keys[0]}.json.123-abcd.tmp`), '{');
    writeFileSync(join(cache, 'README'), 'not ours');
    expect(clearFactsCache(cache)).toBe(2);
    expect(readdirSync(cache)).toEqual(['README']);
    expect(readFactsCache(keys[0], cache)).toBeNull();
    expect(clearFactsCache(join(dir, 'never-made'))).toBe(0);
  });
});
