/**
 * Parsers for the two Debian archive indexes the generator reads: `Packages` (deb822 stanzas,
 * one per binary package) and `Contents-<arch>` (one line per file: path, then the packages
 * that ship it). Pure functions over text, so the tests can feed them inline snippets.
 */

/** The Packages fields the generator uses; the rest (descriptions above all) is dropped early. */
const KEPT_FIELDS = new Set([
  'Package',
  'Architecture',
  'Priority',
  'Essential',
  'Depends',
  'Pre-Depends',
  'Recommends',
  'Provides',
  'Section',
]);

/**
 * A line-at-a-time deb822 reader: `line()` for each line, `end()` after the last. Calls
 * `onStanza` with a plain object of the kept fields. Continuation lines (leading space or tab)
 * extend the previous field, so a folded relation field reads as one value.
 */
export function createStanzaReader(onStanza) {
  let fields = {};
  let current = null;
  let any = false;
  const flush = () => {
    if (any) onStanza(fields);
    fields = {};
    current = null;
    any = false;
  };
  return {
    line(line) {
      if (line.trim() === '') return flush();
      if (line[0] === ' ' || line[0] === '\t') {
        if (current !== null) fields[current] += ' ' + line.trim();
        return;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) return;
      const name = line.slice(0, colon);
      any = true;
      current = KEPT_FIELDS.has(name) ? name : null;
      if (current !== null) fields[current] = line.slice(colon + 1).trim();
    },
    end: flush,
  };
}

/** All stanzas of a Packages text (tests and small inputs; the generator streams). */
export function parseStanzas(text) {
  const stanzas = [];
  const reader = createStanzaReader((s) => stanzas.push(s));
  for (const line of text.split('\n')) reader.line(line.replace(/\r$/, ''));
  reader.end();
  return stanzas;
}

/**
 * A relation field (`Depends`, `Pre-Depends`, `Recommends`, `Provides`) as a list of groups; a
 * group is the list of alternatives separated by `|`. Each alternative is
 * `{ name, arch, version }`: `python3:any (>= 3.11~)` → `{ name: 'python3', arch: 'any',
 * version: { op: '>=', value: '3.11~' } }`. Architecture lists (`[amd64]`) and build profiles
 * (`<!nocheck>`) belong to source packages; they are dropped if present.
 */
export function parseRelations(value) {
  if (!value) return [];
  const groups = [];
  for (const part of value.split(',')) {
    const group = [];
    for (const alternative of part.split('|')) {
      const parsed = parseAlternative(alternative);
      if (parsed) group.push(parsed);
    }
    if (group.length > 0) groups.push(group);
  }
  return groups;
}

function parseAlternative(text) {
  const cleaned = text
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .trim();
  const match = /^([^\s(:]+)(?::([^\s(]+))?\s*(?:\(\s*(<<|<=|=|>=|>>|<|>)\s*([^\s)]+)\s*\))?$/.exec(
    cleaned,
  );
  if (!match) return null;
  const [, name, arch, op, version] = match;
  return {
    name: name.toLowerCase(),
    arch: arch ?? null,
    version: op ? { op, value: version } : null,
  };
}

/** The directories whose files are programs a later shell command can run by name. */
const PROGRAM_DIRS = ['bin/', 'sbin/', 'usr/bin/', 'usr/sbin/', 'usr/games/'];
const HEADER_DIR = 'usr/include/';

/**
 * One Contents line → `{ program, packages }` when the file is directly in a program directory,
 * `{ header: true, packages }` when it is a C header (under usr/include), else null. The location
 * column is the last whitespace-separated word (paths may hold spaces): `usr/bin/make
 * devel/make,devel/make-guile` → `{ program: 'make', packages: ['make', 'make-guile'] }`;
 * Ubuntu's `universe/devel/foo` keeps only `foo`.
 */
export function parseContentsLine(line) {
  const split = /\s+(\S+)\s*$/.exec(line);
  if (!split) return null;
  const path = line.slice(0, split.index).replace(/^\.?\//, '');
  const packages = () =>
    split[1].split(',').map((location) => location.slice(location.lastIndexOf('/') + 1));
  if (path.startsWith(HEADER_DIR)) return { header: true, packages: packages() };
  const dir = PROGRAM_DIRS.find((d) => path.startsWith(d));
  if (dir === undefined) return null;
  const program = path.slice(dir.length);
  if (program === '' || program.includes('/')) return null;
  return { program, packages: packages() };
}

/** `Key: value` header fields of a Release file, plus its SHA256 list as path → {sha256, size}. */
export function parseRelease(text) {
  const fields = {};
  const files = new Map();
  let section = null;
  for (const line of text.split('\n')) {
    if (line[0] === ' ') {
      if (section !== 'SHA256') continue;
      const [sha256, size, path] = line.trim().split(/\s+/);
      if (path) files.set(path, { sha256, size: Number(size) });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    section = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (value !== '') fields[section] = value;
  }
  return { fields, files };
}

/**
 * update-alternatives links (`/usr/bin/automake` → `automake-1.16`, made by a maintainer script)
 * are in no Contents index, yet they are the names build scripts run. Debian's convention names
 * the real program `<name>-<version>`: when no package ships `<name>` itself, each package that
 * ships a `<name>-<version>` is taken to provide `<name>` too (in place, on the map given).
 * The `cc` and `c++` links of gcc and g++ follow no such pattern and stay unknown.
 */
export function addAlternativeStems(programsByPackage) {
  const shipped = new Set();
  for (const programs of programsByPackage.values()) for (const p of programs) shipped.add(p);
  for (const programs of programsByPackage.values())
    for (const program of [...programs]) {
      const stem = /^(.*[a-z+])-\d+(\.\d+)*$/.exec(program)?.[1];
      if (stem && !shipped.has(stem) && !programs.includes(stem)) programs.push(stem);
    }
}
