#!/usr/bin/env node
// Regenerates the `read` rules of src/data/image-releases.json from a local clone of
// docker-library/official-images:
//   node scripts/image-releases/refresh.js <clone> [--images=golang,python] [--write]
// For each image it walks `git log` of library/<image> (oldest first), parses every version of the
// file, and keeps for each tag the OS release of the last entry that carried it: the release of the
// last image pushed under that tag. Unsuffixed tags get the release of the entry they were shared
// with. Tags of one variant (``, `slim`, `jre`…) are then sorted by version and consecutive tags on
// the same release become one rule. Without --write it prints the rules; with --write it replaces
// the image's rules in the table, keeping the hand-written `inferred` rules that no read rule
// overlaps, and updates `asOf`, `maintained` and `takenOn`. maven and gradle (rules by tag
// pattern) are only reported: their OS comes from the JDK image they are built on.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TABLE = fileURLToPath(new URL('../../src/data/image-releases.json', import.meta.url));
const VERSIONED = ['golang', 'node', 'python', 'rust', 'openjdk'];

/**
 * A library file: RFC 2822-style paragraphs (`Key: value`, continuation lines indented, `#`
 * comments, a blank line between entries; the first paragraph holds the defaults), or the format
 * used until 2016, one `tag: git://repo@commit directory` per line.
 */
export function parseLibraryFile(text) {
  const lines = text.split('\n').filter((l) => !l.startsWith('#'));
  if (lines.some((l) => /^[^\s:]+:\s*(git|https?):\/\/\S+@[0-9a-f]{7,40}(\s|$)/.test(l)))
    return parseOldFormat(lines);
  const paragraphs = [];
  let current = null;
  let key = null;
  for (const line of lines) {
    if (!line.trim()) {
      current = null;
      continue;
    }
    if (/^\s/.test(line) && current && key) {
      current[key] += ` ${line.trim()}`;
      continue;
    }
    const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!m) continue;
    if (!current) paragraphs.push((current = {}));
    key = m[1];
    current[key] = m[2].trim();
  }
  const list = (value) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const defaults = paragraphs[0] && !paragraphs[0].Tags ? paragraphs.shift() : {};
  const entries = paragraphs
    .filter((p) => p.Tags)
    .map((p) => ({
      tags: list(p.Tags),
      sharedTags: list(p.SharedTags),
      directory: p.Directory ?? defaults.Directory ?? '.',
      architectures: list(p.Architectures ?? defaults.Architectures),
    }));
  return { defaults, entries };
}

function parseOldFormat(lines) {
  const byBuild = new Map();
  for (const line of lines) {
    const m = /^([^\s:]+):\s*\S+@([0-9a-f]{7,40})\s*(\S*)/.exec(line);
    if (!m) continue;
    const id = `${m[2]} ${m[3]}`;
    if (!byBuild.has(id))
      byBuild.set(id, { tags: [], sharedTags: [], directory: m[3] || '.', architectures: [] });
    byBuild.get(id).tags.push(m[1]);
  }
  return { defaults: {}, entries: [...byBuild.values()] };
}

/** The OS one word names: a Debian or Ubuntu codename, alpineX.Y, windows, oraclelinuxN… */
export function osOfWord(word, osTables) {
  let m;
  if (Object.values(osTables.debian.numbers).includes(word) || word === 'sid')
    return { os: 'debian', release: word };
  if (Object.values(osTables.ubuntu.numbers).includes(word)) return { os: 'ubuntu', release: word };
  if ((m = /^alpine(\d+\.\d+)?$/.exec(word))) return { os: 'alpine', release: m[1] ?? null };
  if (/^(windowsservercore|nanoserver|windows)$/.test(word))
    return { os: 'windows', release: null };
  if ((m = /^oraclelinux(\d+)$/.exec(word))) return { os: 'oraclelinux', release: m[1] };
  if ((m = /^al(2|2023)$/.exec(word))) return { os: 'amazonlinux', release: m[1] };
  if ((m = /^ubi(\d+)$/.exec(word))) return { os: 'rhel', release: m[1] };
  return null;
}

const words = (text) => text.split(/[-/]/).filter(Boolean);

/** The OS an entry is built on, from its own tags and its directory; null when neither says. */
export function entryOs(entry, osTables) {
  for (const text of [...entry.tags, entry.directory]) {
    const found = words(text)
      .map((w) => osOfWord(w, osTables))
      .filter(Boolean);
    const best = found.find((f) => f.release !== null) ?? found[0];
    if (best) return best;
  }
  return null;
}

/**
 * Walks the versions of one library file, oldest first: tag → the OS of the last entry that
 * carried it, with the commit and date. A tag shared by a Linux and a Windows entry is the Linux
 * image's (the Windows one is another platform of the same manifest list).
 */
export function tagStates(versions, osTables) {
  const states = new Map();
  let latest = new Set();
  for (const { sha, date, text } of versions) {
    const seen = new Map();
    for (const entry of parseLibraryFile(text).entries) {
      const os = entryOs(entry, osTables);
      for (const tag of [...entry.tags, ...entry.sharedTags]) {
        const before = seen.get(tag);
        if (before && before.os !== 'windows') continue;
        seen.set(tag, { os: os?.os ?? null, release: os?.release ?? null, sha, date });
      }
    }
    for (const [tag, state] of seen) states.set(tag, state);
    latest = new Set(seen.keys());
  }
  return { states, latest };
}

/** `1.19.10` → [1, 19, 10]; openjdk's `8u322` → [8, 0, 322]; null for anything else. */
export function parseVersion(text) {
  const m = /^(\d+)(?:u(\d+))?((?:\.\d+)*)$/.exec(text);
  if (!m) return null;
  if (m[2] !== undefined) return m[3] ? null : [Number(m[1]), 0, Number(m[2])];
  return [Number(m[1]), ...m[3].split('.').filter(Boolean).map(Number)];
}

/** Compares versions, missing components read as `padA` / `padB` (0 for a lower bound). */
function compare(a, padA, b, padB) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? padA;
    const y = b[i] ?? padB;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Tag order: a tag's missing components are unbounded, so `1.19` (its last patch) follows 1.19.13. */
const compareTags = (a, b) => compare(a, Infinity, b, Infinity);

/**
 * Rules from tag states: tags `<version>[-variant]` that name no OS, grouped by variant, sorted by
 * version (a minor tag after its patches), consecutive tags on one release merged into a range.
 * Tags shorter than a line (golang's `1`) follow the newest line: they are aliases, not rules.
 */
export function deriveRules(states, osTables, lineDepth) {
  const byVariant = new Map();
  for (const [tag, state] of states) {
    const [head, ...rest] = tag.split('-');
    const version = parseVersion(head);
    if (!version || version.length < lineDepth || !state.release) continue;
    if (rest.some((w) => osOfWord(w, osTables))) continue;
    const variant = rest.filter((w) => w !== 'jdk' && !/^b\d+$/.test(w)).join('-');
    if (!/^(|slim|jre|jre-slim)$/.test(variant)) continue;
    if (!byVariant.has(variant)) byVariant.set(variant, []);
    byVariant.get(variant).push({ head, version, ...state });
  }
  const rules = [];
  for (const [variant, tags] of byVariant) {
    tags.sort((a, b) => compareTags(a.version, b.version));
    let open = null;
    for (const t of tags) {
      if (open && open.os === t.os && open.release === t.release) {
        open.to = t.head;
        if (t.date > open.date) Object.assign(open, { date: t.date, sha: t.sha });
        continue;
      }
      open = {
        from: t.head,
        to: t.head,
        variant,
        os: t.os,
        release: t.release,
        date: t.date,
        sha: t.sha,
      };
      rules.push(open);
    }
  }
  return rules.map(({ variant, os, date, sha, ...r }) => ({
    ...r,
    variants: [variant],
    ...(os === 'debian' ? {} : { os }),
    provenance: 'read',
    sources: [`official-images@${sha.slice(0, 8)} ${date}`],
  }));
}

/** The lines the newest library file still carries, with their newest patch. */
export function maintainedLines(latest, lineDepth) {
  const lines = {};
  for (const tag of latest) {
    const version = parseVersion(tag.split('-')[0]);
    if (!version || version.length <= lineDepth) continue;
    const line = version.slice(0, lineDepth).join('.');
    const known = lines[line] ? parseVersion(lines[line]) : null;
    if (!known || compareTags(version, known) > 0) lines[line] = tag.split('-')[0];
  }
  return lines;
}

const git = (clone, ...args) =>
  execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

function history(clone, image) {
  const log = git(clone, 'log', '--reverse', '--format=%H %cs', '--', `library/${image}`).trim();
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, date] = line.split(' ');
      let text = '';
      try {
        text = git(clone, 'show', `${sha}:library/${image}`);
      } catch {
        // the commit deleted the file: nothing was pushed under it any more
      }
      return { sha, date, text };
    });
}

const overlaps = (a, b) =>
  (a.variants ?? ['', 'slim']).some((v) => (b.variants ?? ['', 'slim']).includes(v)) &&
  compare(parseVersion(a.from), 0, parseVersion(b.to), Infinity) <= 0 &&
  compare(parseVersion(b.from), 0, parseVersion(a.to), Infinity) <= 0;

/** One image's history in a clone: its read rules, the lines still built, the date of the last version. */
export function refreshImage(clone, image, osTables, lineDepth) {
  const versions = history(clone, image);
  const { states, latest } = tagStates(versions, osTables);
  return {
    versions: versions.length,
    states,
    latest,
    asOf: versions.at(-1)?.date.slice(0, 7) ?? null,
    rules: deriveRules(states, osTables, lineDepth),
    maintained: maintainedLines(latest, lineDepth),
  };
}

/** Replaces an image's rules by the read ones, keeping the inferred rules none of them overlaps. */
export function mergeRules(entry, refreshed) {
  const kept = entry.rules.filter(
    (r) => r.provenance === 'inferred' && !refreshed.rules.some((g) => overlaps(g, r)),
  );
  return {
    ...entry,
    asOf: refreshed.asOf,
    maintained: refreshed.maintained,
    rules: [...refreshed.rules, ...kept].sort((x, y) =>
      compare(parseVersion(x.from), 0, parseVersion(y.from), 0),
    ),
  };
}

function main(argv) {
  const clone = argv.find((a) => !a.startsWith('--'));
  if (!clone) {
    console.error('usage: refresh.js <official-images clone> [--images=a,b] [--write]');
    process.exit(2);
  }
  const pick = argv.find((a) => a.startsWith('--images='));
  const images = pick
    ? pick.slice('--images='.length).split(',')
    : [...VERSIONED, 'maven', 'gradle'];
  const write = argv.includes('--write');
  const table = JSON.parse(readFileSync(TABLE, 'utf8'));
  for (const image of images) {
    const entry = table.images[image];
    const refreshed = refreshImage(clone, image, table.os, entry?.lineDepth ?? 2);
    if (!VERSIONED.includes(image)) {
      const now = [...refreshed.latest].map(
        (t) => `${t} -> ${JSON.stringify(refreshed.states.get(t))}`,
      );
      console.log(
        `# ${image}: pattern rules are kept by hand; tags as of ${refreshed.asOf}:\n${now.join('\n')}`,
      );
      continue;
    }
    console.log(
      `# ${image}: ${refreshed.rules.length} read rules from ${refreshed.versions} versions of library/${image}`,
    );
    if (write) table.images[image] = mergeRules(entry, refreshed);
    else console.log(JSON.stringify(refreshed.rules, null, 2));
  }
  if (write) {
    table.takenOn = new Date().toISOString().slice(0, 10);
    writeFileSync(TABLE, `${JSON.stringify(table, null, 2)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2));
