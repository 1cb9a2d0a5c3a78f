/**
 * apt-get / apt commands in a RUN: subcommand, package arguments and the options that matter for
 * image hygiene. Shared by every transform that reads or rewrites apt usage.
 */
import type { InstructionNode } from '../core/model.js';
import type { Estimate } from '../core/transform.js';
import {
  commandsOf,
  findCommands,
  hasOption,
  isPipedInto,
  subcommandOf,
  type SimpleCommand,
  type Word,
} from '../shell/query.js';
import type { ShellScript } from '../shell/script.js';
import { rootPrefixFor, type RootPrefix } from './hygiene.js';

export type { RootPrefix };

export interface AptCommand {
  cmd: SimpleCommand;
  tool: 'apt-get' | 'apt';
  /** The subcommand word (`install`), or null when it cannot be determined statically. */
  sub: Word | null;
  subcommand: string | null;
  /** Non-option words after the subcommand: packages for install, etc. */
  packages: Word[];
}

/** apt-get options that take a separate value (`-o Foo=bar`, `-t bookworm-backports`). */
export const APT_OPTIONS_WITH_VALUE = new Set([
  '-o',
  '-c',
  '-t',
  '-a',
  '-P',
  '--option',
  '--config-file',
  '--target-release',
  '--default-release',
  '--host-architecture',
  '--build-profiles',
]);

/** Subcommands that read the package lists, and so need a fresh `apt-get update`. */
export const LIST_READING_SUBCOMMANDS = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'source',
  'build-dep',
  'download',
  'satisfy',
  'reinstall',
]);

/** Subcommands that ask for confirmation unless `-y` is given. */
export const CONFIRMING_SUBCOMMANDS = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'remove',
  'purge',
  'autoremove',
  'build-dep',
  'satisfy',
  'reinstall',
]);

export function aptCommands(script: ShellScript): AptCommand[] {
  return findCommands(script, 'apt-get', 'apt').map((cmd) => {
    const sub = subcommandOf(cmd, APT_OPTIONS_WITH_VALUE);
    const subIndex = sub ? cmd.args.indexOf(sub) : cmd.args.length;
    const packages: Word[] = [];
    for (let i = subIndex + 1; i < cmd.args.length; i++) {
      const value = cmd.args[i].value;
      if (value !== null && value.startsWith('-')) {
        if (APT_OPTIONS_WITH_VALUE.has(value)) i++;
        continue;
      }
      packages.push(cmd.args[i]);
    }
    return {
      cmd,
      tool: cmd.name as AptCommand['tool'],
      sub,
      subcommand: sub?.value ?? null,
      packages,
    };
  });
}

/** `-y`, `--yes`, `--assume-yes`, `-qq` (quiet level 2 implies yes), or piped from `yes`. */
export function assumesYes(apt: AptCommand): boolean {
  if (hasOption(apt.cmd, ['y'], ['yes', 'assume-yes', 'force-yes'])) return true;
  if (
    apt.cmd.args.some(
      (w) =>
        w.value !== null && (/^-q{2,}$/.test(w.value) || /^(-q|--quiet)=([2-9])$/.test(w.value)),
    )
  ) {
    return true;
  }
  if (optionValues(apt).some((o) => /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(o))) return true;
  // `yes | apt-get install ...`: the answers come from the pipe.
  return isPipedInto(apt.cmd.node);
}

/** Whether recommends are already decided explicitly, either way. */
export function decidesRecommends(apt: AptCommand): boolean {
  if (hasOption(apt.cmd, [], ['no-install-recommends', 'install-recommends'])) return true;
  return optionValues(apt).some((o) => /^APT::Install-Recommends=/i.test(o));
}

/** Values given with `-o`. */
function optionValues(apt: AptCommand): string[] {
  const values: string[] = [];
  apt.cmd.args.forEach((w, i) => {
    if ((w.value === '-o' || w.value === '--option') && apt.cmd.args[i + 1]?.value)
      values.push(apt.cmd.args[i + 1].value!);
    else if (w.value?.startsWith('-o') && w.value.length > 2) values.push(w.value.slice(2));
    else if (w.value?.startsWith('--option=')) values.push(w.value.slice('--option='.length));
  });
  return values;
}

/** The RUN removes the package lists itself (`rm -rf /var/lib/apt/lists/*` or similar). */
export function cleansAptLists(script: ShellScript): boolean {
  return findCommands(script, 'rm').some((rm) =>
    rm.args.some((w) => /^\/var\/lib\/apt\/lists(\/|$)/.test(w.text.replace(/^["']|["']$/g, ''))),
  );
}

/** The RUN mounts a cache over the package lists: nothing there ends up in the layer. */
export function hasAptListsCacheMount(node: InstructionNode): boolean {
  return node.flags.some(
    (f) =>
      f.name === 'mount' &&
      /(^|,)type=cache(,|$)/.test(f.value ?? '') &&
      /(^|,)(target|dst|destination)=\/var\/lib\/apt(\/lists)?\/?(,|$)/.test(f.value ?? ''),
  );
}

/** The update commands and list-reading commands of a RUN, in source order. */
export function updatesBeforeUse(script: ShellScript): {
  updates: AptCommand[];
  users: AptCommand[];
  served: boolean;
} {
  const commands = aptCommands(script);
  const updates = commands.filter((c) => c.subcommand === 'update');
  const users = commands.filter(
    (c) => c.subcommand !== null && LIST_READING_SUBCOMMANDS.has(c.subcommand),
  );
  const served =
    users.length > 0 && updates.length > 0 && updates[0].cmd.node.start < users[0].cmd.node.start;
  return { updates, users, served };
}

/** Packages that fetch over HTTPS and only recommend the CA bundle they need to do so. */
export const NEED_CA_CERTIFICATES = new Set(['curl', 'wget', 'git', 'git-core']);

/** OpenJDK packages: on a `-slim` Debian base they fail to configure unless /usr/share/man/man1 exists. */
export const JAVA_PACKAGE = /^(openjdk-\d+-(jre|jdk)(-headless)?|default-(jre|jdk)(-headless)?)$/;

/** `curl=7.88.1-10+deb12u5`, `curl:amd64`, `curl/bookworm-backports` → `curl`. */
export function packageName(value: string | null): string | null {
  return value === null ? null : value.split(/[=:/]/)[0];
}

/** The RUN creates /usr/share/man/man1 (what OpenJDK needs on a slim base). */
export function createsManDir(script: ShellScript): boolean {
  return findCommands(script, 'mkdir').some((c) =>
    c.args.some((a) => a.value?.startsWith('/usr/share/man/man1')),
  );
}

/**
 * /var/lib/apt/lists after `apt-get update` on Debian bookworm (main, bookworm-updates,
 * bookworm-security), measured 2026-11-28 in a debootstrap minbase rootfs: 87.3 MB as plain files
 * (`du -sb`), 21.0 MB gzip-compressed, which is how the official debian images keep them
 * (Acquire::GzipIndexes). We claim the smaller figure. Ubuntu's lists (universe) are larger.
 */
export const LISTS_ESTIMATE: Estimate = {
  bytes: 21_000_000,
  basis:
    'apt lists of Debian bookworm, gzip-compressed as in official images (87 MB uncompressed); measured 2026-11-28',
};

/** The apt config of official Debian/Ubuntu images that deletes downloaded .deb files. */
export const DOCKER_CLEAN = '/etc/apt/apt.conf.d/docker-clean';

/** The script removes, moves or edits the docker-clean apt config. */
export function touchesDockerClean(script: ShellScript): boolean {
  return commandsOf(script).some((c) => c.args.some((w) => w.text.includes(DOCKER_CLEAN)));
}

/** Subcommands that need root: they lock the package database, the lists or the cache. */
const ROOT_SUBCOMMANDS = new Set([
  ...CONFIRMING_SUBCOMMANDS,
  'update',
  'clean',
  'autoclean',
  'check',
]);

/**
 * How a command that needs root (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`, `mkdir -p` under
 * /usr) must run next to these apt commands (see `rootPrefixFor`).
 */
export function rootPrefix(
  apts: readonly AptCommand[],
  userKind: 'root' | 'other' | null,
): RootPrefix {
  const rooted = apts.filter((a) => a.subcommand !== null && ROOT_SUBCOMMANDS.has(a.subcommand));
  return rootPrefixFor(
    rooted.map((a) => a.cmd),
    'apt',
    userKind,
  );
}
