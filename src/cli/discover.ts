/**
 * Turns the paths on the command line into the list of Dockerfiles to process. A path may be a
 * file (processed whatever its name), a directory (searched recursively for files named like
 * Dockerfiles), or a glob (`services/*\/Dockerfile`, `**\/*.dockerfile`: what it matches is
 * processed, directories it matches are searched).
 *
 * A search honours each repository's `.gitignore` files (see gitignore.ts), skips dependency,
 * vendored and tool folders (SKIPPED_DIRECTORIES), and follows no symbolic link: nothing outside
 * the tree is reached and there are no loops. `--exclude` patterns (gitignore syntax) are matched
 * against the path relative to the directory searched, or to the working directory for files and
 * globs. The order is deterministic: arguments in order, each directory's entries sorted.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { GitignoreResolver } from './gitignore.js';

export interface Target {
  path: string;
  /** Named on the command line (processed whatever its name) rather than found in a directory. */
  explicit: boolean;
  /** Top directory of the git repository holding the file, or null when it is in none. */
  repo: string | null;
}

export interface Discovery {
  targets: Target[];
  errors: { path: string; message: string }[];
}

export interface DiscoverOptions {
  /** gitignore-style patterns of paths to leave out. */
  exclude?: readonly string[];
  cwd?: string;
}

/**
 * Never searched: version control, dependencies, vendored code, and the hidden folders build and
 * tool caches live in (`.devcontainer`, `.github` and other hidden folders are searched).
 */
export const SKIPPED_DIRECTORIES = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'vendor',
  'vendored',
  '.cache',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.angular',
  '.turbo',
  '.parcel-cache',
  '.vercel',
  '.netlify',
  '.serverless',
  '.aws-sam',
  '.terraform',
  '.terragrunt-cache',
  '.gradle',
  '.m2',
  '.venv',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.yarn',
  '.pnpm-store',
  '.npm',
  '.idea',
  '.vscode',
  '.dart_tool',
  '.stack-work',
  '.bundle',
  '.eggs',
  '.direnv',
]);

const DOCKERFILE_NAME =
  /^(Dockerfile|Containerfile)(\..+)?$|\.(Dockerfile|dockerfile|Containerfile|containerfile)$/;
/** Files named like `Dockerfile.<x>` that are not Dockerfiles. */
const NOT_A_DOCKERFILE = /\.(dockerignore|md|txt|json|ya?ml|sh|bak|orig|rej|swp|tmp|patch|diff)$/i;

export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name);
}

const posix = (path: string) => path.split(sep).join('/');

export function discover(paths: readonly string[], options: DiscoverOptions = {}): Discovery {
  const cwd = resolve(options.cwd ?? process.cwd());
  const gitignore = new GitignoreResolver();
  const excluded: Ignore = ignore().add([...(options.exclude ?? [])]);
  const targets: Target[] = [];
  const errors: Discovery['errors'] = [];
  const seen = new Set<string>();

  /** Matches `path` against --exclude, relative to `base` (or as an absolute path outside it). */
  const isExcluded = (base: string, abs: string, isDirectory: boolean) => {
    if (!options.exclude?.length) return false;
    const rel = relative(base, abs);
    const name =
      rel && !rel.startsWith('..') && !isAbsolute(rel) ? posix(rel) : posix(abs).slice(1);
    return name !== '' && excluded.ignores(isDirectory ? `${name}/` : name);
  };
  const add = (path: string, explicit: boolean, floor: string) => {
    const abs = resolve(cwd, path);
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ path, explicit, repo: gitignore.repoOf(dirname(abs), floor) });
  };

  const walk = (dir: string, root: string) => {
    let entries;
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true });
    } catch (error) {
      errors.push({ path: dir, message: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const abs = resolve(cwd, path);
      if (entry.isSymbolicLink()) continue;
      const isDirectory = entry.isDirectory();
      if (isDirectory && SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (!isDirectory && !(entry.isFile() && isDockerfileName(entry.name))) continue;
      if (isExcluded(root, abs, isDirectory) || gitignore.ignores(abs, isDirectory, root)) continue;
      if (isDirectory) walk(path, root);
      else add(path, false, root);
    }
  };
  const searchDirectory = (path: string) => {
    const before = targets.length;
    walk(path, resolve(cwd, path));
    if (targets.length === before)
      errors.push({ path, message: 'no Dockerfile found in this directory' });
  };

  for (const path of paths) {
    let stat;
    try {
      stat = lstatSync(resolve(cwd, path));
    } catch (error) {
      if (isDynamicPattern(path)) expandGlob(path);
      else errors.push({ path, message: describeFsError(error) });
      continue;
    }
    // A directory named on the command line is searched even through a symbolic link: the user
    // chose it. Links found inside it are not followed.
    const isDirectory =
      stat.isDirectory() ||
      (stat.isSymbolicLink() && isDirectoryFollowingLinks(resolve(cwd, path)));
    if (isDirectory) searchDirectory(path);
    else if (!isExcluded(cwd, resolve(cwd, path), false))
      add(path, true, dirname(resolve(cwd, path)));
  }
  return { targets, errors };

  function expandGlob(pattern: string) {
    const matches = globSync(pattern, {
      cwd,
      absolute: isAbsolute(pattern),
      dot: true,
      onlyFiles: false,
      expandDirectories: false,
      followSymbolicLinks: false,
      ignore: [...SKIPPED_DIRECTORIES].map((name) => `**/${name}/**`),
    }).sort();
    const before = targets.length;
    for (const match of matches) {
      const path = match.replace(/\/$/, '');
      const abs = resolve(cwd, path);
      let stat;
      try {
        stat = lstatSync(abs);
      } catch {
        continue; // removed meanwhile
      }
      if (stat.isSymbolicLink()) continue;
      if (isExcluded(cwd, abs, stat.isDirectory())) continue;
      if (gitignore.ignoresAnywhereBelow(cwd, abs, stat.isDirectory())) continue;
      if (stat.isDirectory()) walk(path, abs);
      else if (stat.isFile()) add(path, true, cwd);
    }
    if (targets.length === before)
      errors.push({ path: pattern, message: 'no Dockerfile matches this pattern' });
  }
}

function isDirectoryFollowingLinks(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
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
