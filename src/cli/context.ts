/** The build context on disk: the directory `docker build <dir>` would send. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildContextFrom, type BuildContext } from '../core/context.js';

/**
 * The context as one file's run sees it. What it learns about paths is kept for its lifetime, so
 * make a new one for each file (and after writing to the context).
 */
export function fsBuildContext(root: string, dockerfilePath: string | null): BuildContext {
  const base = resolve(root);
  // Paths arrive normalised and inside the context (buildContextFrom sees to it).
  const full = (path: string) => (path === '' ? base : join(base, path));
  const rel = dockerfilePath ? relative(base, resolve(dockerfilePath)) : null;
  // What a path is, once known: from listing its folder (a walk of the context is then one readdir
  // per folder, not a stat per file; links are left to stat, which follows them) or from a stat.
  // One file's run asks the same questions over and over, and the disk does not change meanwhile.
  type Kind = 'directory' | 'file' | 'other' | null;
  const kinds = new Map<string, Kind>();
  return buildContextFrom(
    base,
    rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null,
    {
      kind(path) {
        if (kinds.has(path)) return kinds.get(path)!;
        let kind: Kind;
        try {
          const stat = statSync(full(path));
          kind = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
        } catch {
          kind = null;
        }
        kinds.set(path, kind);
        return kind;
      },
      readText(path) {
        try {
          return readFileSync(full(path), 'utf8');
        } catch {
          return null;
        }
      },
      readHead(path, bytes) {
        let fd: number | null = null;
        try {
          fd = openSync(full(path), 'r');
          const buffer = new Uint8Array(bytes);
          return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
        } catch {
          return null;
        } finally {
          if (fd !== null) closeSync(fd);
        }
      },
      size(path) {
        try {
          const stat = statSync(full(path));
          return stat.isFile() ? stat.size : null;
        } catch {
          return null;
        }
      },
      list(path) {
        try {
          const entries = readdirSync(full(path), { withFileTypes: true });
          for (const entry of entries) {
            const child = path === '' ? entry.name : `${path}/${entry.name}`;
            if (entry.isDirectory()) kinds.set(child, 'directory');
            else if (entry.isFile()) kinds.set(child, 'file');
          }
          return entries.map((entry) => entry.name).sort();
        } catch {
          return [];
        }
      },
    },
  );
}

/** Which directory is the build context of a Dockerfile: `--context`, else the file's directory. */
export function contextRootFor(dockerfilePath: string, override: string | undefined): string {
  return override ?? join(dockerfilePath, '..');
}
