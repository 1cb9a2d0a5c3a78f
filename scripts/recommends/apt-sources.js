/**
 * The machine's apt sources, read the way apt reads them: /etc/apt/sources.list and
 * sources.list.d/*.list in the one-line format, sources.list.d/*.sources in deb822. The
 * generator takes its mirrors from here, so no mirror address is written into the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `deb [arch=amd64 signed-by=…] http://host/debian bookworm main` → entries, one per suite. */
export function parseOneLineSources(text) {
  const entries = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') continue;
    const withoutOptions = line.replace(/\[[^\]]*\]/, ' ');
    const [type, uri, suite, ...components] = withoutOptions.split(/\s+/);
    if (!uri || !suite) continue;
    entries.push({ type, uri, suite, components });
  }
  return entries;
}

/** deb822 stanzas (`Types:`, `URIs:`, `Suites:`, `Components:`, `Enabled:`) → entries. */
export function parseDeb822Sources(text) {
  const entries = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = {};
    let current = null;
    for (const line of stanza.split('\n')) {
      if (line.startsWith('#')) continue;
      if (/^\s/.test(line)) {
        if (current) fields[current] += ' ' + line.trim();
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      current = line.slice(0, colon).trim().toLowerCase();
      fields[current] = line.slice(colon + 1).trim();
    }
    if (/^(no|false|0)$/i.test(fields.enabled ?? '')) continue;
    const words = (value) => (value ?? '').split(/\s+/).filter(Boolean);
    for (const type of words(fields.types))
      for (const uri of words(fields.uris))
        for (const suite of words(fields.suites))
          entries.push({ type, uri, suite, components: words(fields.components) });
  }
  return entries;
}

/** Every source entry configured under `etc` (a missing file or directory is no entry). */
export function readAptSources(etc = '/etc/apt') {
  const read = (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  const entries = parseOneLineSources(read(join(etc, 'sources.list')));
  let names = [];
  try {
    names = readdirSync(join(etc, 'sources.list.d')).sort();
  } catch {
    names = [];
  }
  for (const name of names) {
    const path = join(etc, 'sources.list.d', name);
    if (name.endsWith('.list')) entries.push(...parseOneLineSources(read(path)));
    else if (name.endsWith('.sources')) entries.push(...parseDeb822Sources(read(path)));
  }
  return entries;
}

/**
 * The (uri, suite) pairs that may be a distribution's main archive: binary (`deb`) entries over
 * http(s) whose suite is a bare codename. `bookworm-security`, `bookworm-updates` and the old
 * `buster/updates` are pockets beside the release, not the release; the generator then confirms
 * each candidate by the Origin and Label of its Release file.
 */
export function archiveCandidates(entries) {
  const seen = new Set();
  const candidates = [];
  for (const { type, uri, suite } of entries) {
    if (type !== 'deb' || !/^https?:\/\//.test(uri) || !/^[a-z]+$/.test(suite)) continue;
    const base = uri.replace(/\/+$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    candidates.push({ uri: base, suite });
  }
  return candidates;
}
