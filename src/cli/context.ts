/** The build context on disk: the directory `docker build <dir>` would send. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BuildContext } from '../core/context.js';

export function fsBuildContext(root: string, dockerfilePath: string | null): BuildContext {
  const base = resolve(root);
  const inside = (path: string): string | null => {
    const full = resolve(base, path.replace(/^\/+/, ''));
    return full === base || full.startsWith(base + sep) ? full : null;
  };
  const stat = (path: string) => {
    const full = inside(path);
    if (!full) return null;
    try {
      return statSync(full);
    } catch {
      return null;
    }
  };
  const rel = dockerfilePath ? relative(base, resolve(dockerfilePath)) : null;
  return {
    root: base,
    dockerfile: rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null,
    exists: (path) => stat(path) !== null,
    isDirectory: (path) => stat(path)?.isDirectory() ?? false,
    readText(path) {
      const full = inside(path);
      if (!full) return null;
      try {
        return readFileSync(full, 'utf8');
      } catch {
        return null;
      }
    },
    readHead(path, bytes) {
      const full = inside(path);
      if (!full) return null;
      let fd: number | null = null;
      try {
        fd = openSync(full, 'r');
        const buffer = new Uint8Array(bytes);
        return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
      } catch {
        return null;
      } finally {
        if (fd !== null) closeSync(fd);
      }
    },
    list(path) {
      const full = inside(path);
      if (!full) return [];
      try {
        return readdirSync(full).sort();
      } catch {
        return [];
      }
    },
  };
}

/** Which directory is the build context of a Dockerfile: `--context`, else the file's directory. */
export function contextRootFor(dockerfilePath: string, override: string | undefined): string {
  return override ?? join(dockerfilePath, '..');
}
