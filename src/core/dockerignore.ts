/**
 * `.dockerignore` matching with Docker's own rules (anchored patterns, `**`, `!` exceptions, a
 * parent's exclusion covering what lies below it), through `@balena/dockerignore`, a port of
 * moby's pattern matcher that is tested against `docker build` itself. `ignore` (gitignore rules)
 * would be wrong here: in gitignore `*.pyc` matches at any depth, in a .dockerignore only at the root.
 */
import dockerignore from '@balena/dockerignore';

// A CommonJS module whose typings declare an ES default export; at run time both are the factory.
const ignore = dockerignore.default;

/** Whether a context path is excluded; paths are context-relative and `/`-separated. */
export type Excluder = (path: string) => boolean;

export function compileDockerignore(text: string | null): Excluder {
  if (text === null) return () => false;
  let excluder = compiled.get(text);
  if (!excluder) {
    const matcher = ignore().add(text.replace(/^\uFEFF/, '').split(/\r?\n/));
    excluder = (path) => {
      const normal = normalizeContextPath(path);
      // The root itself is always sent; a path outside the context is not ours to judge.
      return normal !== null && normal !== '' && matcher.ignores(normal);
    };
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(text, excluder);
  }
  return excluder;
}

/**
 * Compiled ignore files by text. The dockerignore transform compiles the file with each candidate
 * entry added, for every Dockerfile: the same few texts over and over across a fleet.
 */
const compiled = new Map<string, Excluder>();
const COMPILED_LIMIT = 500;

/**
 * A context path in the form COPY sources and .dockerignore patterns are compared in: no leading
 * `./` or `/`, no `.` or empty segments, `..` resolved; '' is the root; null when it leaves the
 * context.
 */
export function normalizeContextPath(path: string): string | null {
  // Most paths asked about (every path of a context walk, against every ignore file) are already
  // in that form: return them without splitting and joining.
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.join('/');
}

/** A leading or trailing `/`, `//`, or a `.` or `..` segment. */
const NEEDS_NORMALIZING = /^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * The ignore file a build uses: BuildKit reads `<Dockerfile>.dockerignore` beside the Dockerfile
 * when there is one, instead of the context's `.dockerignore`.
 */
export function ignoreFileFor(
  dockerfile: string | null,
  exists: (path: string) => boolean,
): string {
  if (dockerfile) {
    const own = `${dockerfile}.dockerignore`;
    if (exists(own)) return own;
  }
  return '.dockerignore';
}
