/**
 * What the mounts strategy does to one RUN, per package manager: the cache mounts to add, and the
 * cleanup that becomes pointless (and harmful: it would empty the cache, or fail on the mount
 * point) and must go, so that the strategies never mix for one cache.
 */
import { baseImageFacts } from '../../src/core/base-image.js';
import type { InstructionNode } from '../../src/core/model.js';
import { userAt } from '../../src/core/stage-state.js';
import { baseImageOf } from '../../src/core/stages.js';
import type { Estimate, TransformContext } from '../../src/core/transform.js';
import { variableBefore } from '../../src/core/env.js';
import { isMountedAway } from '../../src/packages/mounts.js';
import { pathTarget, resolveTarget, within } from '../../src/shell/paths.js';
import { commandsOf, type SimpleCommand, type Word } from '../../src/shell/query.js';
import type { ShellScript } from '../../src/shell/script.js';

export interface CacheMount {
  target: string;
  /** `locked` for package managers that cannot share their cache between concurrent builds. */
  locked: boolean;
}

export interface ManagerPlan {
  manager: string;
  /** Cache directories the mounts cover (including ones already mounted). */
  caches: CacheMount[];
  /** The manager's own cleanup commands to take out (`apt-get clean`, `npm cache clean`). */
  commands: SimpleCommand[];
  /** Words to take out (`--no-cache-dir`). */
  words: Word[];
  /** What was done, for the message. */
  did: string[];
  notes: string[];
  estimate?: Estimate;
}

export type PlanResult = ManagerPlan | { manager: string; refused: string } | null;

export interface PlanContext {
  ctx: TransformContext;
  node: InstructionNode;
  script: ShellScript;
}

export function mountFlag(mount: CacheMount): string {
  return `--mount=type=cache,target=${mount.target}${mount.locked ? ',sharing=locked' : ''}`;
}

/** Mounts of the plan that the RUN does not have yet. */
export function missingMounts(node: InstructionNode, plan: ManagerPlan): CacheMount[] {
  return plan.caches.filter((c) => !isMountedAway(node, c.target));
}

/**
 * The home directory of the user the RUN runs as, when it is provably root's: no USER (or USER
 * root/0) in the stage and its parents, a base image known to run as root, and no ENV HOME.
 * Caches under the home cannot be placed otherwise (and a cache mount is owned by root).
 */
export function rootHome(node: InstructionNode): string | { refused: string } {
  const stage = node.stage!;
  const user = userAt(stage, node);
  if (user !== null && !/^(root|0)(:(root|0))?$/.test(user))
    return { refused: `the RUN runs as USER ${user}, whose cache directory is not known` };
  if (user === null && baseImageFacts(baseImageOf(stage)).family === null)
    return {
      refused: `the base image ${baseImageOf(stage) || '(unknown)'} is not known to run as root`,
    };
  if (variableBefore(node, ['HOME', 'XDG_CACHE_HOME']))
    return { refused: 'HOME or XDG_CACHE_HOME is set, so the cache directory is not the default' };
  return '/root';
}

/**
 * `rm` commands and operands that delete inside the cache directories: pointless with the mount
 * (and they would empty the cache). An operand that deletes a directory above a mount point
 * (`rm -rf /root/.cache`, `rm -rf /var/lib/apt/*`) would fail on it: refused.
 */
export function cacheRemovals(
  script: ShellScript,
  caches: readonly string[],
  home: string | null,
  cwd: string | null,
): { commands: SimpleCommand[]; words: Word[] } | { refused: string } {
  const commands: SimpleCommand[] = [];
  const words: Word[] = [];
  for (const rm of commandsOf(script)) {
    if (rm.name !== 'rm') continue;
    const operands = rm.args.filter((w) => !(w.value?.startsWith('-') ?? false));
    const pointless = [];
    for (const word of operands) {
      const text = home ? word.text.replace(/^(~|\$HOME|\$\{HOME\})(?=\/)/, home) : word.text;
      const target = resolveTarget(pathTarget(text), cwd);
      let inside = false;
      for (const cache of caches) {
        if (target.kind === 'unknown') {
          if (target.hint.startsWith(cache) || (cache.startsWith(target.hint) && target.hint))
            return { refused: `\`${word.text}\` may delete the cache mount point ${cache}` };
          if (!target.hint) return { refused: `\`${word.text}\` may delete the cache mount point` };
          continue;
        }
        if (target.kind !== 'absolute') continue;
        if (within(target.path, cache)) {
          inside = true;
        } else if (within(cache, target.path)) {
          return {
            refused: `deleting \`${word.text}\` would fail on the cache mount point ${cache}`,
          };
        }
      }
      if (inside) pointless.push(word);
    }
    if (pointless.length === 0) continue;
    if (pointless.length === operands.length) commands.push(rm);
    else words.push(...pointless);
  }
  return { commands, words };
}
