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
  // Listings and texts, too: transforms ask for the same .dockerignore or package.json on every
  // pass of the engine, and a missing file costs a thrown error each time it is read.
  const listings = new Map<string, Set<string>>();
  const texts = new Map<string, string | null>();
  const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const kind = (path: string): Kind => {
    if (kinds.has(path)) return kinds.get(path)!;
    let found: Kind;
    // Not among the names of its listed folder: it does not exist, no need to ask the disk.
    if (path !== '' && listings.get(parentOf(path))?.has(nameOf(path)) === false) found = null;
    else {
      try {
        // No entry is the common answer (transforms probe for package.json, .dockerignore...):
        // undefined instead of a thrown error, which costs far more than the stat itself.
        const stat = statSync(full(path), { throwIfNoEntry: false });
        found = !stat ? null : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
      } catch {
        found = null;
      }
    }
    kinds.set(path, found);
    return found;
  };
  return buildContextFrom(
    base,
    rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : null,
    {
      kind,
      readText(path) {
        if (texts.has(path)) return texts.get(path)!;
        let text: string | null = null;
        // Only regular files (or links to them): reading a FIFO in the context would block.
        if (kind(path) === 'file') {
          try {
            text = readFileSync(full(path), 'utf8');
          } catch {
            text = null;
          }
        }
        texts.set(path, text);
        return text;
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
          const stat = statSync(full(path), { throwIfNoEntry: false });
          return stat?.isFile() ? stat.size : null;
        } catch {
          return null;
        }
      },
      list(path) {
        const known = listings.get(path);
        if (known) return [...known];
        try {
          const entries = readdirSync(full(path), { withFileTypes: true });
          for (const entry of entries) {
            const child = path === '' ? entry.name : `${path}/${entry.name}`;
            if (entry.isDirectory()) kinds.set(child, 'directory');
            else if (entry.isFile()) kinds.set(child, 'file');
          }
          const names = entries.map((entry) => entry.name).sort();
          listings.set(path, new Set(names));
          return names;
        } catch {
          // Not kept: a folder that cannot be listed may still hold files a stat can reach.
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
