/**
 * yum / dnf / microdnf commands in a RUN: subcommand, packages and the options that matter for
 * image hygiene. Shared by every transform that reads or rewrites them.
 *
 * All three keep repository metadata and downloaded packages under /var/cache/yum or
 * /var/cache/dnf. `clean all` only cleans the repositories enabled at that moment, which is why
 * the cache directory is also removed (yum itself suggests `rm -rf /var/cache/yum`).
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

export type RpmTool = 'yum' | 'dnf' | 'microdnf';

export interface RpmCommand {
  cmd: SimpleCommand;
  tool: RpmTool;
  sub: Word | null;
  subcommand: string | null;
  /** Non-option words after the subcommand (packages; for `group install`, the group words). */
  packages: Word[];
}

/** Options that take a separate value. */
export const RPM_OPTIONS_WITH_VALUE = new Set([
  '-c',
  '--config',
  '--installroot',
  '--releasever',
  '--setopt',
  '--enablerepo',
  '--disablerepo',
  '--repo',
  '--repoid',
  '-x',
  '--exclude',
  '-d',
  '--debuglevel',
  '-e',
  '--errorlevel',
  '--rpmverbosity',
  '--forcearch',
  '--color',
  '--destdir',
  '--downloaddir',
  '--comment',
  '--advisory',
  '--bz',
  '--cve',
  '--sec-severity',
  '--repofrompath',
  '--enableplugin',
  '--disableplugin',
  '--platform-id',
]);

/** Subcommands that change installed packages, so ask for confirmation unless `-y` is given. */
export const RPM_CONFIRMING = new Set([
  'install',
  'localinstall',
  'groupinstall',
  'groupupdate',
  'groupremove',
  'group',
  'groups',
  'module',
  'reinstall',
  'update',
  'upgrade',
  'update-minimal',
  'upgrade-minimal',
  'remove',
  'erase',
  'autoremove',
  'downgrade',
  'distro-sync',
  'distribution-synchronization',
  'swap',
  'builddep',
]);

/** Subcommands that download metadata and packages into the cache. */
export const RPM_INSTALLING = new Set([
  'install',
  'localinstall',
  'groupinstall',
  'groupupdate',
  'group',
  'groups',
  'module',
  'reinstall',
  'update',
  'upgrade',
  'update-minimal',
  'upgrade-minimal',
  'downgrade',
  'distro-sync',
  'distribution-synchronization',
  'swap',
  'builddep',
  'makecache',
]);

export const RPM_CACHE_DIRS: Readonly<Record<RpmTool, string>> = {
  yum: '/var/cache/yum',
  dnf: '/var/cache/dnf',
  microdnf: '/var/cache/yum',
};

export function rpmCommands(script: ShellScript): RpmCommand[] {
  return findCommands(script, 'yum', 'dnf', 'microdnf').map((cmd) => {
    const sub = subcommandOf(cmd, RPM_OPTIONS_WITH_VALUE);
    const subIndex = sub ? cmd.args.indexOf(sub) : cmd.args.length;
    const packages: Word[] = [];
    for (let i = subIndex + 1; i < cmd.args.length; i++) {
      const value = cmd.args[i].value;
      if (value !== null && value.startsWith('-')) {
        if (RPM_OPTIONS_WITH_VALUE.has(value)) i++;
        continue;
      }
      packages.push(cmd.args[i]);
    }
    return { cmd, tool: cmd.name as RpmTool, sub, subcommand: sub?.value ?? null, packages };
  });
}

/** `-y`, `--assumeyes`, `--yes`, or `assumeyes` set with `--setopt`; or answers piped in. */
export function rpmAssumesYes(rpm: RpmCommand): boolean {
  if (hasOption(rpm.cmd, ['y'], ['assumeyes', 'yes', 'assumeno'])) return true;
  return setoptValues(rpm).some((o) => /^assumeyes=/i.test(o));
}

/** `-C` / `--cacheonly`: the command runs from the cache alone, so it must still be there. */
export function usesCacheOnly(rpm: RpmCommand): boolean {
  return hasOption(rpm.cmd, ['C'], ['cacheonly']);
}

/** Values given with `--setopt`. */
export function setoptValues(rpm: RpmCommand): string[] {
  const values: string[] = [];
  rpm.cmd.args.forEach((w, i) => {
    if (w.value === '--setopt' && rpm.cmd.args[i + 1]?.value)
      values.push(rpm.cmd.args[i + 1].value!);
    else if (w.value?.startsWith('--setopt=')) values.push(w.value.slice('--setopt='.length));
  });
  return values;
}

/** `--nodocs`, or `tsflags` set with `--setopt`: documentation is already decided. */
export function decidesDocs(rpm: RpmCommand): boolean {
  return hasOption(rpm.cmd, [], ['nodocs']) || setoptValues(rpm).some((o) => /^tsflags=/i.test(o));
}

/** `install_weak_deps` already given with `--setopt`. */
export function decidesWeakDeps(rpm: RpmCommand): boolean {
  return (
    setoptValues(rpm).some((o) => /^install_weak_deps=/i.test(o)) ||
    hasOption(rpm.cmd, [], ['no-weak-deps'])
  );
}

/** `<tool> clean all` (or `clean packages metadata ...` covering both). */
export function rpmCleanAll(script: ShellScript): RpmCommand[] {
  return rpmCommands(script).filter(
    (c) =>
      c.subcommand === 'clean' &&
      (c.packages.some((p) => p.value === 'all') ||
        (c.packages.some((p) => p.value === 'packages') &&
          c.packages.some((p) => p.value === 'metadata'))),
  );
}

/** `rm` commands that remove the yum/dnf cache directory (or everything under it). */
export function rpmCacheRemovals(script: ShellScript): SimpleCommand[] {
  return findCommands(script, 'rm').filter((rm) =>
    rm.args.some((w) => /^\/var\/cache\/(yum|dnf|libdnf5)(\/|$)/.test(unquote(w.text))),
  );
}

/** The RUN mounts a cache (or tmpfs) over the package manager's cache directory. */
export function hasRpmCacheMount(node: InstructionNode): boolean {
  return ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'].some((dir) =>
    isMountedAway(node, dir),
  );
}

function unquote(text: string): string {
  return text.replace(/^["']|["']$/g, '');
}
