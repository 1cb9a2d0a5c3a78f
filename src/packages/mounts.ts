/**
 * `RUN --mount=...` flags, and whether a directory a package manager writes to is under a cache
 * or tmpfs mount: what is written there never reaches the layer, so there is nothing to clean up
 * (and adding "no cache" flags would defeat a cache the author set up on purpose).
 */
import type { FlagNode, InstructionNode } from '../core/model.js';

export interface RunMount {
  /** `bind` when not given, as BuildKit defaults. */
  type: string;
  /** The mount point as written (`target=`, `dst=` or `destination=`); null when absent. */
  target: string | null;
  options: ReadonlyMap<string, string>;
  flag: FlagNode;
}

/** The `--mount` flags of a RUN, parsed as BuildKit reads them (comma-separated key=value). */
export function runMounts(node: InstructionNode): RunMount[] {
  return node.flags
    .filter((f) => f.name === 'mount')
    .map((flag) => {
      const options = new Map<string, string>();
      for (const part of (flag.value ?? '').split(',')) {
        const eq = part.indexOf('=');
        if (eq < 0) options.set(part.trim().toLowerCase(), 'true');
        else options.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
      }
      const target =
        options.get('target') ?? options.get('dst') ?? options.get('destination') ?? null;
      return { type: (options.get('type') ?? 'bind').toLowerCase(), target, options, flag };
    });
}

/** Mounts whose contents never end up in the image: `type=cache` and `type=tmpfs`. */
export function discardedMounts(node: InstructionNode): RunMount[] {
  return runMounts(node).filter((m) => m.type === 'cache' || m.type === 'tmpfs');
}

/**
 * Whether `dir` (absolute) is at or under a cache/tmpfs mount of the RUN. A target that uses a
 * variable cannot be resolved here and counts as covering it: leaving such a RUN alone is the
 * safe direction.
 */
export function isMountedAway(node: InstructionNode, dir: string): boolean {
  const wanted = normalize(dir);
  return discardedMounts(node).some((m) => {
    if (m.target === null) return false;
    if (m.target.includes('$')) return true;
    const target = normalize(m.target);
    return wanted === target || wanted.startsWith(`${target}/`) || target === '/';
  });
}

/**
 * Whether a directory under some user's home (`.cache/pip`) is at or under a cache/tmpfs mount:
 * the home is not known statically (USER, HOME), so any mount whose target ends in that path, or
 * in one of its parents below the home (`/root/.cache`, `/home/app/.cache`), counts.
 */
export function isHomeDirMountedAway(node: InstructionNode, relative: string): boolean {
  const parts = normalize(relative).replace(/^\/+/, '').split('/');
  const suffixes = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
  return discardedMounts(node).some((m) => {
    if (m.target === null) return false;
    if (m.target.includes('$') || m.target.startsWith('~')) return true;
    const target = normalize(m.target);
    return suffixes.some((s) => target.endsWith(s) && target.length > s.length);
  });
}

function normalize(path: string): string {
  const trimmed = path.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.replace(/\/{2,}/g, '/');
}
