/**
 * zypper (openSUSE, SLES) commands in a RUN: global options, subcommand (aliases resolved),
 * packages. Shared by every transform that reads or rewrites zypper usage.
 *
 * zypper keeps repository metadata, solver caches and downloaded packages under /var/cache/zypp;
 * `zypper clean -a` (`--all`) removes all three.
 */
import type { InstructionNode } from '../core/model.js';
import { isMountedAway } from './mounts.js';
import {
  findCommands,
  hasOption,
  subcommandOf,
  type SimpleCommand,
  type Word,
} from '../shell/query.js';
import type { ShellScript } from '../shell/script.js';

export interface ZypperCommand {
  cmd: SimpleCommand;
  sub: Word | null;
  /** The subcommand with aliases resolved (`in` → `install`). */
  subcommand: string | null;
  packages: Word[];
}

/** Global options (before the subcommand) that take a separate value. */
export const ZYPPER_GLOBAL_OPTIONS_WITH_VALUE = new Set([
  '-c',
  '--config',
  '-D',
  '--reposd-dir',
  '-C',
  '--cache-dir',
  '--raw-cache-dir',
  '--solv-cache-dir',
  '--pkg-cache-dir',
  '-R',
  '--root',
  '--installroot',
  '-p',
  '--plus-repo',
  '--plus-content',
  '-s',
  '--table-style',
]);

/** Options of install/update/remove... that take a separate value. */
export const ZYPPER_COMMAND_OPTIONS_WITH_VALUE = new Set([
  '-r',
  '--repo',
  '--from',
  '-t',
  '--type',
  '--download',
]);

const ALIASES: Readonly<Record<string, string>> = {
  in: 'install',
  rm: 'remove',
  up: 'update',
  dup: 'dist-upgrade',
  si: 'source-install',
  ref: 'refresh',
  ar: 'addrepo',
  cc: 'clean',
  inr: 'install-new-recommends',
};

/** Subcommands that may ask for confirmation (and so want `-n`). */
export const ZYPPER_CONFIRMING = new Set([
  'install',
  'remove',
  'update',
  'dist-upgrade',
  'patch',
  'source-install',
  'install-new-recommends',
]);

/** Subcommands that download metadata and packages into /var/cache/zypp. */
export const ZYPPER_INSTALLING = new Set([
  'install',
  'update',
  'dist-upgrade',
  'patch',
  'source-install',
  'install-new-recommends',
  'refresh',
]);

/** Subcommands that accept `--no-recommends`. */
export const ZYPPER_RECOMMENDING = new Set(['install', 'dist-upgrade', 'source-install']);

export const ZYPPER_CACHE_DIR = '/var/cache/zypp';

export function zypperCommands(script: ShellScript): ZypperCommand[] {
  return findCommands(script, 'zypper').map((cmd) => {
    const sub = subcommandOf(cmd, ZYPPER_GLOBAL_OPTIONS_WITH_VALUE);
    const subIndex = sub ? cmd.args.indexOf(sub) : cmd.args.length;
    const packages: Word[] = [];
    for (let i = subIndex + 1; i < cmd.args.length; i++) {
      const value = cmd.args[i].value;
      if (value !== null && value.startsWith('-')) {
        if (ZYPPER_COMMAND_OPTIONS_WITH_VALUE.has(value)) i++;
        continue;
      }
      packages.push(cmd.args[i]);
    }
    const raw = sub?.value ?? null;
    return { cmd, sub, subcommand: raw === null ? null : (ALIASES[raw] ?? raw), packages };
  });
}

/** `-n`/`--non-interactive` (global), or `-y`/`--no-confirm` (command); or answers piped in. */
export function zypperNonInteractive(z: ZypperCommand): boolean {
  return hasOption(z.cmd, ['n', 'y'], ['non-interactive', 'no-confirm']);
}

/** `--no-recommends` or `--recommends` given: recommends are decided either way. */
export function decidesRecommends(z: ZypperCommand): boolean {
  return hasOption(z.cmd, [], ['no-recommends', 'recommends']);
}

/** `zypper clean` with `-a`/`--all` (metadata, raw metadata and packages). */
export function zypperCleansAll(script: ShellScript): ZypperCommand[] {
  return zypperCommands(script).filter(
    (z) => z.subcommand === 'clean' && hasOption(z.cmd, ['a'], ['all']),
  );
}

/** `rm` of /var/cache/zypp (or what is under it). */
export function zypperCacheRemovals(script: ShellScript): SimpleCommand[] {
  return findCommands(script, 'rm').filter((rm) =>
    rm.args.some((w) => /^\/var\/cache\/zypp(\/|$)/.test(w.text.replace(/^["']|["']$/g, ''))),
  );
}

export function hasZypperCacheMount(node: InstructionNode): boolean {
  return isMountedAway(node, ZYPPER_CACHE_DIR);
}
