/**
 * Downloads from a Debian-format archive: a suite's Release file (always fetched, it is small and
 * says what is current) and the gzip indexes it lists, cached by their SHA256 so a re-run with an
 * unchanged archive downloads nothing. Every index is checked against the Release's SHA256; the
 * Release's own signature is not checked (the output is a table of hints, not software to run).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parseRelease } from './indexes.js';

/** The suite's Release file, parsed (with `text` kept for the record), or null on HTTP 404. */
export async function fetchRelease(mirror, suite) {
  const response = await fetch(`${mirror}/dists/${suite}/Release`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${mirror}/dists/${suite}/Release: HTTP ${response.status}`);
  const text = await response.text();
  return { ...parseRelease(text), text };
}

/**
 * The local path of index `path` (as named in the Release, e.g. `main/Contents-all.gz`), from
 * the cache when a file with the Release's hash is there (written only once verified), else
 * downloaded and verified. Uses the archive's by-hash location when the Release offers it, so a
 * mirror update between the Release and the index download cannot mix two versions.
 *
 * A mirror or caching proxy can serve an index that does not match its Release (seen here for
 * trixie's Contents files, with by-hash missing). `tolerateMismatch` accepts such a file: it is
 * cached as served, marked as such, and the result says `mismatch: true` so the table can record
 * it. Packages indexes are never tolerated: they are the model.
 */
export async function cachedIndex({ mirror, suite, release, path, cacheDir, tolerateMismatch }) {
  const expected = release.files.get(path);
  if (!expected) throw new Error(`${suite}: the Release lists no ${path}`);
  mkdirSync(cacheDir, { recursive: true });
  const local = join(cacheDir, `${expected.sha256}-${path.replaceAll('/', '_')}`);
  const asServed = `${local}.as-served`;
  if (existsSync(local)) return { path: local, downloaded: 0, mismatch: false };
  if (tolerateMismatch && existsSync(asServed))
    return { path: asServed, downloaded: 0, mismatch: true };
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const urls = [`${mirror}/dists/${suite}/${path}`];
  if (release.fields['Acquire-By-Hash'] === 'yes')
    urls.unshift(`${mirror}/dists/${suite}/${dir}by-hash/SHA256/${expected.sha256}`);
  let response = null;
  for (const url of urls) {
    response = await fetch(url);
    if (response.ok) break;
  }
  if (!response?.ok) throw new Error(`${suite}/${path}: HTTP ${response?.status}`);
  const partial = `${local}.part`;
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(response.body), hashing, createWriteStream(partial));
  const actual = hash.digest('hex');
  if (actual === expected.sha256) {
    renameSync(partial, local);
    return { path: local, downloaded: expected.size, mismatch: false };
  }
  if (!tolerateMismatch)
    throw new Error(`${suite}/${path}: SHA256 ${actual}, the Release says ${expected.sha256}`);
  renameSync(partial, asServed);
  return { path: asServed, downloaded: expected.size, mismatch: true };
}

/** Calls `onLine` for each line of a gzip file, streaming (Contents-all is ~0.5 GB unpacked). */
export async function forEachGzipLine(path, onLine) {
  let rest = '';
  const gunzip = createReadStream(path).pipe(createGunzip());
  gunzip.setEncoding('utf8');
  for await (const chunk of gunzip) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) onLine(line);
  }
  if (rest !== '') onLine(rest);
}
