/**
 * `.gitignore` as git reads it, per repository: each `.gitignore` applies to its own directory and
 * below, a deeper file's `!negation` can re-include what a shallower one ignored, files in an
 * ignored directory stay ignored, and `.git/info/exclude` applies to the whole repository. A
 * directory holding `.git` starts a new repository: the outer one's rules stop there.
 * Outside any repository, `.gitignore` files at or below the walk's starting point still count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Layer {
  base: string;
  matcher: Ignore;
}

interface DirectoryInfo {
  /** The rules in force for entries of this directory, outermost first. */
  layers: Layer[];
  /** The repository's top directory (holding `.git`), or null outside any repository. */
  repo: string | null;
}

export class GitignoreResolver {
  private readonly dirs = new Map<string, DirectoryInfo>();

  /**
   * Rules and repository of an absolute directory. `floor`: outside a repository, where the rules
   * start (the directory the walk or glob started from).
   */
  info(dir: string, floor: string): DirectoryInfo {
    // Outside a repository the rules depend on where the walk started, so the floor is in the key.
    const key = `${floor}\0${dir}`;
    const cached = this.dirs.get(key);
    if (cached) return cached;
    let info: DirectoryInfo;
    if (existsSync(join(dir, '.git'))) {
      info = { layers: [], repo: dir };
      this.addLayer(info.layers, dir, join(dir, '.git', 'info', 'exclude'));
    } else {
      const parent = dirname(dir);
      const atTop = parent === dir;
      const outer =
        atTop || (dir === floor && this.repoAbove(dir) === null)
          ? { layers: [], repo: null }
          : this.info(parent, floor);
      info = { layers: [...outer.layers], repo: outer.repo };
    }
    this.addLayer(info.layers, dir, join(dir, '.gitignore'));
    this.dirs.set(key, info);
    return info;
  }

  /** Whether `path` (absolute; a directory when `isDirectory`) is ignored by the rules of its directory. */
  ignores(path: string, isDirectory: boolean, floor: string): boolean {
    const { layers } = this.info(dirname(path), floor);
    let ignored = false;
    for (const layer of layers) {
      const rel = relative(layer.base, path).split(sep).join('/');
      if (!rel || rel.startsWith('..')) continue;
      const result = layer.matcher.test(isDirectory ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * Whether `path` or a directory between `floor` (excluded) and it is ignored: git does not look
   * inside an ignored directory, so nothing under it can be re-included.
   */
  ignoresAnywhereBelow(floor: string, path: string, isDirectory: boolean): boolean {
    const rel = relative(floor, path);
    if (!rel || rel.startsWith('..')) return this.ignores(path, isDirectory, floor);
    const parts = rel.split(sep);
    let current = floor;
    for (let i = 0; i < parts.length; i++) {
      current = join(current, parts[i]);
      const last = i === parts.length - 1;
      if (this.ignores(current, last ? isDirectory : true, floor)) return true;
    }
    return false;
  }

  repoOf(dir: string, floor: string): string | null {
    return this.info(dir, floor).repo;
  }

  private repoAbove(dir: string): string | null {
    for (let at = dir; ; at = dirname(at)) {
      if (existsSync(join(at, '.git'))) return at;
      if (dirname(at) === at) return null;
    }
  }

  private addLayer(layers: Layer[], base: string, file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // absent or unreadable: no rules
    }
    layers.push({ base, matcher: ignore().add(text) });
  }
}
