/**
 * File paths named by shell words and Dockerfile arguments, and whether two of them can touch the
 * same files. Used to prove that moving a deletion past other instructions changes nothing: when a
 * path cannot be known statically (`$HOME/x`, `~/x`, `../x`), it overlaps everything.
 */
import { posix } from 'node:path';

export type PathTarget =
  | {
      kind: 'absolute' | 'relative';
      /** Normalised path without a trailing slash (`/` for the root, `.` for the working dir). */
      path: string;
      /** True for `dir/*`-like globs: the target is what lies under `path`, not `path` itself. */
      glob: boolean;
      /** For globs: the whole pattern, normalised (`/tmp/*.tgz`). */
      pattern?: string;
    }
  | {
      kind: 'unknown';
      /** The literal text before the first expansion, for loose matching (`/tmp/app-` of `/tmp/app-$V`). */
      hint: string;
    };

const GLOB = /[*?[]/;

/** The path a word names, from its text as written (quotes and escapes removed). */
export function pathTarget(raw: string): PathTarget {
  const dynamic = raw.search(/[$`]/);
  if (dynamic !== -1 || raw.startsWith('~')) {
    return { kind: 'unknown', hint: unquote(raw.slice(0, dynamic === -1 ? 0 : dynamic)) };
  }
  const full = unquote(raw);
  const wild = full.search(GLOB);
  const glob = wild !== -1;
  const text = glob ? full.slice(0, full.lastIndexOf('/', wild) + 1) || '.' : full;
  const absolute = text.startsWith('/');
  const path = posix.normalize(text).replace(/(.)\/+$/, '$1');
  if (!absolute && (path === '..' || path.startsWith('../'))) return { kind: 'unknown', hint: '' };
  const kind = absolute ? 'absolute' : 'relative';
  return glob ? { kind, path, glob, pattern: posix.normalize(full) } : { kind, path, glob };
}

/** Resolves a relative target against a known absolute working directory. */
export function resolveTarget(target: PathTarget, cwd: string | null): PathTarget {
  if (target.kind !== 'relative' || cwd === null) return target;
  const path = posix.join(cwd, target.path).replace(/(.)\/+$/, '$1');
  const pattern = target.pattern === undefined ? {} : { pattern: posix.join(cwd, target.pattern) };
  return { ...target, kind: 'absolute', path, ...pattern };
}

/** Whether two targets may name some file in common (unknown ones may name anything). */
export function overlaps(a: PathTarget, b: PathTarget): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return true;
  if (a.kind !== b.kind) return true;
  return within(a.path, b.path) || within(b.path, a.path);
}

/** `path` is `dir` or lies under it. */
export function within(path: string, dir: string): boolean {
  if (dir === '/' || dir === '.') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

/** Loose test used to find which earlier RUN worked with a path: shares its literal prefix. */
export function mentions(word: PathTarget, target: PathTarget): boolean {
  if (target.kind === 'unknown' || word.kind === 'unknown') {
    const a = word.kind === 'unknown' ? word.hint : word.path;
    const b = target.kind === 'unknown' ? target.hint : target.path;
    const shorter = a.length < b.length ? a : b;
    return shorter.length > 1 && shorter.includes('/') && (a.startsWith(b) || b.startsWith(a));
  }
  if (word.kind !== target.kind) return false;
  if (target.pattern !== undefined) {
    if (word.pattern !== undefined) return word.pattern === target.pattern;
    return (
      globRegExp(target.pattern).test(word.path) ||
      (word.path === target.path && word.path.split('/').filter(Boolean).length >= 2)
    );
  }
  // The word names the target or something inside it, or a specific folder that holds it.
  return (
    within(word.path, target.path) ||
    (within(target.path, word.path) && word.path.split('/').filter(Boolean).length >= 2)
  );
}

/** `*` and `?` match within one path component, `[...]` a character class; anything below matches too. */
function globRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}(/.*)?$`);
}

/** Quotes removed and backslash escapes resolved, as the shell would for a static word. */
function unquote(text: string): string {
  return text.replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"|\\(.)/g, (_m, single, double, escaped) =>
    single !== undefined
      ? single
      : double !== undefined
        ? double.replace(/\\([$`"\\])/g, '$1')
        : escaped,
  );
}
