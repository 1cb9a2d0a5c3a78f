/**
 * The facts cache: what a build taught us, kept on disk so that a second run, `--check` in CI or a
 * fleet re-run does not build again. One JSON file per key, `<sha256>.json`, in
 *
 *   $DOCKOPT_CACHE_DIR/facts          when DOCKOPT_CACHE_DIR is set
 *   $XDG_CACHE_HOME/dockopt/facts     else, when XDG_CACHE_HOME is set
 *   ~/.cache/dockopt/facts            else
 *
 * The key is a sha256 over everything that decides the answer: the Dockerfile texts built, the
 * contents and modes of the context files they copy, the ignore files, the build arguments and
 * target, the question asked (entry argv, PATH, WORKDIR, checks), the builder kind and
 * FACTS_VERSION. A failed build is cached too (with its log tail): a fleet re-run does not retry
 * it. Entries are written atomically (temp file + rename); an unreadable, corrupt or other-version
 * entry counts as absent. `clearFactsCache()` (or deleting the directory) empties it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuilderKind } from '../builder/types.js';
import { FACTS_VERSION, type StageFacts } from './types.js';

/** What gatherFacts answers, as cached (without `fromCache`). */
export type CachedFacts =
  | { ok: true; facts: StageFacts }
  | {
      ok: false;
      /**
       * Which build failed: the stage itself. (When only the stage cut before its build steps
       * fails, the answer is ok, without a diff, and a note says why.)
       */
      failed: 'stage';
      /** The end of the builder's log. */
      log: string;
    };

export function factsCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKOPT_CACHE_DIR) return join(resolve(env.DOCKOPT_CACHE_DIR), 'facts');
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), 'dockopt', 'facts');
  return join(homedir(), '.cache', 'dockopt', 'facts');
}

export interface CacheKeyInput {
  builder: BuilderKind;
  /** The Dockerfile texts that will be built, in order. */
  texts: readonly (string | null)[];
  context: string;
  /** Files or directories the stage copies, relative to the context. */
  contextFiles: readonly string[];
  /** Ignore files in effect (their contents count; absent ones count as absent). */
  ignoreFiles?: readonly string[];
  /** Anything else that decides the answer, JSON-serialisable (build args, target, the request). */
  question?: unknown;
}

export function factsCacheKey(input: CacheKeyInput): string {
  const hash = createHash('sha256');
  const field = (text: string) => hash.update(`${text.length}:${text}\n`);
  field(`dockopt-facts ${FACTS_VERSION} ${input.builder}`);
  for (const text of input.texts) field(text ?? '<none>');
  field(JSON.stringify(input.question ?? null));
  for (const file of input.ignoreFiles ?? [])
    field(existsSync(file) ? readFileSync(file, 'utf8') : '<absent>');
  const context = resolve(input.context);
  field(
    existsSync(join(context, '.dockerignore'))
      ? readFileSync(join(context, '.dockerignore'), 'utf8')
      : '<absent>',
  );
  for (const relative of [...new Set(input.contextFiles)].sort()) {
    field(`path ${relative}`);
    hashTree(hash, join(context, relative), field);
  }
  return hash.digest('hex');
}

/** A file's mode and contents, a symlink's target, a directory's entries in order, recursively. */
function hashTree(
  hash: ReturnType<typeof createHash>,
  path: string,
  field: (t: string) => void,
): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    field('absent');
    return;
  }
  if (stat.isSymbolicLink()) field(`link ${readlinkSync(path)}`);
  else if (stat.isDirectory()) {
    field(`dir ${(stat.mode & 0o7777).toString(8)}`);
    for (const name of readdirSync(path).sort()) {
      field(`entry ${name}`);
      hashTree(hash, join(path, name), field);
    }
  } else if (stat.isFile()) {
    field(`file ${(stat.mode & 0o7777).toString(8)} ${stat.size}`);
    hashFileContents(hash, path);
  } else field('special');
}

function hashFileContents(hash: ReturnType<typeof createHash>, path: string): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;)
      hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

interface CacheFile {
  factsVersion: number;
  key: string;
  written: string;
  result: CachedFacts;
}

const ENTRY = /^[0-9a-f]{64}\.json$/;

export function readFactsCache(key: string, dir: string = factsCacheDir()): CachedFacts | null {
  let entry: CacheFile;
  try {
    entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (!entry || entry.factsVersion !== FACTS_VERSION || entry.key !== key) return null;
  const result = entry.result;
  if (result?.ok === true && typeof result.facts === 'object' && result.facts !== null)
    return result;
  if (result?.ok === false && typeof result.log === 'string') return result;
  return null;
}

export function writeFactsCache(
  key: string,
  result: CachedFacts,
  dir: string = factsCacheDir(),
): void {
  mkdirSync(dir, { recursive: true });
  const file: CacheFile = {
    factsVersion: FACTS_VERSION,
    key,
    written: new Date().toISOString(),
    result,
  };
  const target = join(dir, `${key}.json`);
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(file)}\n`);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes every cache entry (and leftover temporary files); returns how many entries went. */
export function clearFactsCache(dir: string = factsCacheDir()): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (ENTRY.test(name)) removed++;
    else if (!/^[0-9a-f]{64}\.json\..*\.tmp$/.test(name)) continue;
    rmSync(join(dir, name), { force: true });
  }
  return removed;
}
