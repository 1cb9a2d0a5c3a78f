/** The build context on disk: the directory `docker build <dir>` would send. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { buildContextFrom, type BuildContext } from '../core/context.js';

export function fsBuildContext(root: string, dockerfilePath: string | null): BuildContext {
  const base = resolve(root);
  // Paths arrive normalised and inside the context (buildContextFrom sees to it).
  const full = (path: string) => (path === '' ? base : join(base, path));
  const rel = dockerfilePath ? relative(base, resolve(dockerfilePath)) : null;
  // What listing a folder told about its entries, so that walking a context is one readdir per
  // folder rather than a stat per file. Links are not recorded: stat follows them, as before.
  const listedKinds = new Map<string, 'directory' | 'file'>();
  return buildContextFrom(
    base,
    rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null,
    {
      kind(path) {
        const listed = listedKinds.get(path);
        if (listed) return listed;
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
          const entries = readdirSync(full(path), { withFileTypes: true });
          for (const entry of entries) {
            const child = path === '' ? entry.name : `${path}/${entry.name}`;
            if (entry.isDirectory()) listedKinds.set(child, 'directory');
            else if (entry.isFile()) listedKinds.set(child, 'file');
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
