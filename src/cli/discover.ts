/**
 * Turns the paths on the command line into the list of Dockerfiles to process. Directories are
 * searched recursively for files named like Dockerfiles; `.git` and `node_modules` are skipped and
 * symbolic links inside a tree are not followed (no loops, nothing outside the tree).
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Target {
  path: string;
  /** Named on the command line (processed whatever its name) rather than found in a directory. */
  explicit: boolean;
}

export interface Discovery {
  targets: Target[];
  errors: { path: string; message: string }[];
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const DOCKERFILE_NAME =
  /^(Dockerfile|Containerfile)(\..+)?$|\.(Dockerfile|dockerfile|Containerfile|containerfile)$/;
/** Files named like `Dockerfile.<x>` that are not Dockerfiles. */
const NOT_A_DOCKERFILE = /\.(dockerignore|md|txt|json|ya?ml|sh|bak|orig|rej|swp|tmp|patch|diff)$/i;

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name);
}

export function discover(paths: readonly string[]): Discovery {
  const targets: Target[] = [];
  const errors: Discovery['errors'] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    targets.push({ path, explicit });
  };
  for (const path of paths) {
    let stat;
    try {
      stat = lstatSync(path);
    } catch (error) {
      errors.push({ path, message: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const before = targets.length;
      walk(path, add, errors);
      if (targets.length === before)
        errors.push({ path, message: 'no Dockerfile found in this directory' });
    } else {
      add(path, true);
    }
  }
  return { targets, errors };
}

function walk(
  dir: string,
  add: (path: string, explicit: boolean) => void,
  errors: Discovery['errors'],
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    errors.push({ path: dir, message: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, add, errors);
    } else if (entry.isFile() && isDockerfileName(entry.name)) {
      add(path, false);
    }
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (error as Error).message;
  }
}
