/** The build context on disk: the directory `docker build <dir>` would send. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildContextFrom, type BuildContext } from '../core/context.js';

export function fsBuildContext(root: string, dockerfilePath: string | null): BuildContext {
  const base = resolve(root);
  // Paths arrive normalised and inside the context (buildContextFrom sees to it).
  const full = (path: string) => (path === '' ? base : join(base, path));
  const rel = dockerfilePath ? relative(base, resolve(dockerfilePath)) : null;
  return buildContextFrom(
    base,
    rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null,
    {
      kind(path) {
        try {
          const stat = statSync(full(path));
          return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
        } catch {
          return null;
        }
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
          return readdirSync(full(path)).sort();
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
