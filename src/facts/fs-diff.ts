/**
 * Which files a stage's build steps wrote: the probe lists an image's files twice (before the
 * stage's first build RUN, and after the stage), this module reads both listings and compares
 * them, leaving out what no runtime stage should copy (caches, logs, package databases).
 *
 * Listing formats (the probe picks the first the image can do):
 *   find-printf (GNU find):    F <type f|d|l> <octal perms> <uid> <gid> <size> <mtime.fraction> <./path>
 *   find-stat (busybox, ...):  S <hex st_mode> <uid> <gid> <size> <mtime> <./path>
 * A symlink's line is followed by `-> <target>`. The path is the rest of the line, so spaces are
 * fine; a newline in a name is not (that entry comes out malformed and is skipped).
 */
import type { ChangeKind, ChangedEntry, FileEntry, FileType, FsDiff } from './types.js';

/** Not listed at all (virtual file systems, temporary files, caches): keeps listings small. */
export const PRUNED_PATHS: readonly string[] = [
  '/proc',
  '/sys',
  '/dev',
  '/tmp',
  '/var/tmp',
  '/var/cache',
  '/var/log',
  '/var/lib/apt/lists',
  '/root/.cache',
  '/root/.npm',
  '/root/.m2',
  '/root/.gradle',
  '/root/go/pkg/mod',
  '/go/pkg/mod',
  '/usr/local/cargo/registry',
  '/root/.cargo/registry',
];

/**
 * Listed, but never part of a diff: mounts the builder puts into every container, package
 * manager databases (what apt/apk/rpm know, not what the program needs), caches and bytecode.
 */
const NOISE_PREFIXES = [
  ...PRUNED_PATHS,
  '/run/secrets',
  '/run/.containerenv',
  '/.dockerenv',
  '/etc/hosts',
  '/etc/hostname',
  '/etc/resolv.conf',
  '/etc/mtab',
  '/etc/ld.so.cache',
  '/var/lib/dpkg',
  '/var/lib/apt',
  '/var/lib/rpm',
  '/lib/apk/db',
  '/etc/apk/world',
  '/usr/local/share/.cache',
  '/root/.cargo/git',
  '/usr/local/cargo/git',
];
const NOISE_PATTERNS = [
  /^\/home\/[^/]+\/\.(cache|npm|m2|gradle)(\/|$)/,
  /\/__pycache__(\/|$)/,
  /\.py[co]$/,
];

export function isNoise(path: string): boolean {
  for (const prefix of NOISE_PREFIXES)
    if (path === prefix || path.startsWith(`${prefix}/`)) return true;
  return NOISE_PATTERNS.some((pattern) => pattern.test(path));
}

export interface Listing {
  entries: FileEntry[];
  /** Lines that were not entries of the format (names with newlines, tool errors). */
  malformed: number;
}

export function parseListing(lines: readonly string[], format: string): Listing {
  const entries: FileEntry[] = [];
  let malformed = 0;
  for (const line of lines) {
    if (line === '') continue;
    if (line.startsWith('-> ')) {
      const last = entries[entries.length - 1];
      if (last?.type === 'symlink' && last.target === undefined) last.target = line.slice(3);
      else malformed++;
      continue;
    }
    const entry = format === 'find-printf' ? printfEntry(line) : statEntry(line);
    if (entry) entries.push(entry);
    else malformed++;
  }
  return { entries, malformed };
}

const TYPE_LETTERS: Record<string, FileType> = { f: 'file', d: 'dir', l: 'symlink' };

function printfEntry(line: string): FileEntry | null {
  const match = /^F (\S) ([0-7]+) (\d+) (\d+) (\d+) (\d+(?:\.\d+)?) (\..*)$/.exec(line);
  if (!match) return null;
  return {
    path: fromDot(match[7]),
    type: TYPE_LETTERS[match[1]] ?? 'other',
    mode: parseInt(match[2], 8),
    uid: Number(match[3]),
    gid: Number(match[4]),
    size: Number(match[5]),
    mtime: Number(match[6]),
  };
}

function statEntry(line: string): FileEntry | null {
  const match = /^S ([0-9a-fA-F]+) (\d+) (\d+) (\d+) (\d+) (\..*)$/.exec(line);
  if (!match) return null;
  const raw = parseInt(match[1], 16);
  const format = raw & 0o170000;
  return {
    path: fromDot(match[6]),
    type:
      format === 0o100000
        ? 'file'
        : format === 0o040000
          ? 'dir'
          : format === 0o120000
            ? 'symlink'
            : 'other',
    mode: raw & 0o7777,
    uid: Number(match[2]),
    gid: Number(match[3]),
    size: Number(match[4]),
    mtime: Number(match[5]),
  };
}

/** `./usr/bin/x` (find run from the listed root) is `/usr/bin/x`; `.` is `/`. */
function fromDot(path: string): string {
  return path === '.' ? '/' : path.startsWith('./') ? path.slice(1) : path;
}

export function diffListings(before: readonly FileEntry[], after: readonly FileEntry[]): FsDiff {
  const old = new Map(before.map((entry) => [entry.path, entry]));
  const created: FileEntry[] = [];
  const changed: ChangedEntry[] = [];
  let ignored = 0;
  const seen = new Set<string>();
  for (const entry of after) {
    seen.add(entry.path);
    const previous = old.get(entry.path);
    const what = previous ? differences(previous, entry) : null;
    if (previous && what!.length === 0) continue;
    if (isNoise(entry.path)) {
      ignored++;
      continue;
    }
    if (previous) changed.push({ path: entry.path, before: previous, after: entry, what: what! });
    else created.push(entry);
  }
  const removed = before
    .filter((entry) => !seen.has(entry.path) && !isNoise(entry.path))
    .map((entry) => entry.path);
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  created.sort(byPath);
  changed.sort(byPath);
  return { created, changed, removed: removed.sort(), roots: rootsOf(created, changed), ignored };
}

function differences(before: FileEntry, after: FileEntry): ChangeKind[] {
  if (before.type !== after.type) return ['type'];
  const what: ChangeKind[] = [];
  // A directory's size and mtime change whenever an entry is added to it: not a change of its own.
  if (after.type !== 'dir' && (before.size !== after.size || !sameTime(before.mtime, after.mtime)))
    what.push('content');
  if (before.mode !== after.mode) what.push('mode');
  if (before.uid !== after.uid || before.gid !== after.gid) what.push('owner');
  if (after.type === 'symlink' && before.target !== after.target) what.push('target');
  return what;
}

/** Listings of whole seconds (stat) and of fractions (GNU find) compare to the second. */
function sameTime(a: number, b: number): boolean {
  if (Number.isInteger(a) || Number.isInteger(b)) return Math.floor(a) === Math.floor(b);
  return a === b;
}

/**
 * The fewest paths covering every created entry and every changed file or symlink: a created
 * directory covers everything below it. A directory whose mode or owner changed is not a root
 * (copying it would copy what was there before too); it stays in `changed`.
 */
function rootsOf(created: readonly FileEntry[], changed: readonly ChangedEntry[]): string[] {
  const createdDirs = new Set(created.filter((e) => e.type === 'dir').map((e) => e.path));
  const covered = (path: string) => {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1))
      if (createdDirs.has(path.slice(0, i))) return true;
    return false;
  };
  const paths = [
    ...created.map((e) => e.path),
    ...changed.filter((c) => c.after.type !== 'dir').map((c) => c.path),
  ];
  return [...new Set(paths.filter((path) => !covered(path)))].sort();
}
