/**
 * What transforms may know beyond the Dockerfile text: run-wide settings, and the build context
 * (the directory `docker build` would send), when it is on disk.
 */

export interface Settings {
  /**
   * How package-manager caches are kept out of layers: `cleanup` removes them in the RUN that
   * wrote them; `mounts` uses BuildKit cache mounts instead (faster rebuilds, needs BuildKit).
   */
  cacheStrategy: 'cleanup' | 'mounts';
  /** Which smaller base images `base-image` may switch to. */
  basePolicy: 'slim' | 'alpine' | 'distroless';
}

export const DEFAULT_SETTINGS: Settings = { cacheStrategy: 'cleanup', basePolicy: 'slim' };

import { compileDockerignore, ignoreFileFor, normalizeContextPath } from './dockerignore.js';

/**
 * The build context of a Dockerfile. Paths are relative to the context root, `/`-separated, as
 * COPY/ADD sources are written. Absent (null in the transform context) when the Dockerfile came
 * from stdin or the API without a context directory: transforms that need files then refuse or
 * become unsafe. Transforms may keep what they learn from a context for as long as the object
 * lives (dockerignore keeps its walk of the folders), so make a new one after the files change.
 */
export interface BuildContext {
  /** Absolute path of the context directory. */
  root: string;
  /** The Dockerfile's path relative to the root, when it lies inside it. */
  dockerfile: string | null;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** File contents as UTF-8, or null when missing or unreadable. */
  readText(path: string): string | null;
  /** The first `bytes` bytes of a file (fewer if it is shorter), or null when missing or unreadable. */
  readHead?(path: string, bytes: number): Uint8Array | null;
  /** Entry names of a directory ('' is the root), sorted; empty when missing. */
  list(path: string): string[];
  /** Size in bytes of a regular file, or null when missing, not a file, or not known. */
  size?(path: string): number | null;
  /** The ignore file the build uses, relative to the root (see `ignoreFileFor`). */
  readonly ignoreFile: string;
  /** Whether that ignore file keeps the path (or a directory above it) out of the context. */
  isExcluded(path: string): boolean;
}

/** What a build context is read through: paths are context-relative, `/`-separated, normalised. */
export interface ContextAccess {
  kind(path: string): 'file' | 'directory' | 'other' | null;
  readText(path: string): string | null;
  readHead?(path: string, bytes: number): Uint8Array | null;
  list(path: string): string[];
  size?(path: string): number | null;
}

/** A BuildContext over some storage (the disk, an overlay of proposed files, a test's memory). */
export function buildContextFrom(
  root: string,
  dockerfile: string | null,
  access: ContextAccess,
): BuildContext {
  const normal = (path: string) => normalizeContextPath(path);
  const kind = (path: string) => {
    const p = normal(path);
    return p === null ? null : access.kind(p);
  };
  const readText = (path: string) => {
    const p = normal(path);
    return p === null ? null : access.readText(p);
  };
  const exists = (path: string) => kind(path) !== null;
  const ignoreFile = ignoreFileFor(dockerfile, exists);
  let excluded: ((path: string) => boolean) | undefined;
  return {
    root,
    dockerfile,
    exists,
    isDirectory: (path) => kind(path) === 'directory',
    readText,
    readHead(path, bytes) {
      const p = normal(path);
      return p === null || !access.readHead ? null : access.readHead(p, bytes);
    },
    list(path) {
      const p = normal(path);
      return p === null ? [] : access.list(p);
    },
    size(path) {
      const p = normal(path);
      return p === null || !access.size ? null : access.size(p);
    },
    ignoreFile,
    isExcluded(path) {
      excluded ??= compileDockerignore(readText(ignoreFile));
      return excluded(path);
    },
  };
}

/**
 * The context as it would be with some files replaced or added (`files`: context path → text):
 * what transforms see once another transform has proposed a change to a file in the context.
 */
export function withFiles(base: BuildContext, files: ReadonlyMap<string, string>): BuildContext {
  if (files.size === 0) return base;
  const paths = [...files.keys()];
  return buildContextFrom(base.root, base.dockerfile, {
    kind(path) {
      if (files.has(path)) return 'file';
      if (paths.some((p) => p.startsWith(path === '' ? '' : `${path}/`))) return 'directory';
      return base.isDirectory(path) ? 'directory' : base.exists(path) ? 'file' : null;
    },
    readText: (path) => files.get(path) ?? base.readText(path),
    readHead(path, bytes) {
      const text = files.get(path);
      if (text === undefined) return base.readHead?.(path, bytes) ?? null;
      return new TextEncoder().encode(text).subarray(0, bytes);
    },
    list(path) {
      const prefix = path === '' ? '' : `${path}/`;
      const names = new Set(base.list(path));
      for (const p of paths)
        if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return [...names].sort();
    },
    size(path) {
      const text = files.get(path);
      if (text === undefined) return base.size?.(path) ?? null;
      return new TextEncoder().encode(text).length;
    },
  });
}
