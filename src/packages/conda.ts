/**
 * conda commands in a RUN. Shared by every transform that reads or rewrites conda usage.
 *
 * conda keeps downloaded package archives, their extracted copies and the channel index in its
 * package cache (`<root>/pkgs`, CONDA_PKGS_DIRS). Environments hard-link from the extracted copies
 * by default, so removing the cache (`conda clean -afy`: all, force-pkgs-dirs, yes) frees the
 * archives and index and leaves installed environments working. Environments installed with
 * symlinks back to the cache would break: conda's documentation warns about it for `-f`.
 */
import type { InstructionNode } from '../core/model.js';
import { discardedMounts, isMountedAway } from './mounts.js';
import { commandsOf, subcommandOf, type SimpleCommand, type Word } from '../shell/query.js';
import type { ShellScript } from '../shell/script.js';

export interface CondaCommand {
  cmd: SimpleCommand;
  sub: Word | null;
  /** `install`, `create`, `update`, `clean`...; for `conda env create`, `env create`. */
  subcommand: string | null;
}

const OPTIONS_WITH_VALUE = new Set([
  '-n',
  '--name',
  '-p',
  '--prefix',
  '-c',
  '--channel',
  '--file',
  '--repodata-fn',
]);

/** Subcommands that fill the package cache. */
export const CONDA_INSTALLING = new Set([
  'install',
  'create',
  'update',
  'upgrade',
  'env create',
  'env update',
]);

export function condaCommands(script: ShellScript): CondaCommand[] {
  return condaCommandsByPath(script).map((cmd) => {
    const sub = subcommandOf(cmd, OPTIONS_WITH_VALUE);
    let subcommand = sub?.value ?? null;
    if (subcommand === 'env' && sub) {
      const next = cmd.args[cmd.args.indexOf(sub) + 1]?.value;
      subcommand = next ? `env ${next}` : 'env';
    }
    return { cmd, sub, subcommand };
  });
}

/** conda commands found by path (`/opt/conda/bin/conda`) as well as by name. */
export function condaCommandsByPath(script: ShellScript): SimpleCommand[] {
  return commandsOf(script).filter((c) => c.name?.split('/').pop() === 'conda');
}

/** A `conda clean` (any targets) or an `rm` of a `pkgs` directory after `offset`. */
export function cleansCondaCache(script: ShellScript, offset: number): boolean {
  return commandsOf(script).some((c) => {
    if (c.node.start < offset || c.name === null) return false;
    if (c.name.split('/').pop() === 'conda') return c.args.some((a) => a.value === 'clean');
    return (
      c.name === 'rm' &&
      c.args.some((w) => /\/pkgs(\/\*?)?$/.test(w.text.replace(/^["']|["']$/g, '')))
    );
  });
}

/** Installs that link from the cache with symlinks: cleaning `-f` would break them. */
export function linksBySymlink(script: ShellScript): boolean {
  return commandsOf(script).some(
    (c) =>
      c.name?.split('/').pop() === 'conda' &&
      c.args.some(
        (a) =>
          a.value === '--symlink' || a.value === 'always_softlink' || a.value === 'allow_softlinks',
      ),
  );
}

/** The package cache is a cache/tmpfs mount (`.../pkgs`, or `configured` from CONDA_PKGS_DIRS). */
export function hasCondaCacheMount(node: InstructionNode, configured: string | null): boolean {
  if (configured !== null && isMountedAway(node, configured)) return true;
  return discardedMounts(node).some((m) => /\/pkgs\/?$|conda/.test(m.target ?? ''));
}
