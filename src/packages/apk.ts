/**
 * apk (Alpine) commands in a RUN: subcommand, packages and the options that matter for image
 * hygiene. Shared by every transform that reads or rewrites apk usage.
 *
 * `apk update` writes the repository indexes (APKINDEX.*.tar.gz) to /var/cache/apk; `apk add`
 * without `--no-cache` reads them from there. With `--no-cache` apk fetches the indexes for the
 * one command and keeps nothing, so neither the indexes nor a separate `apk update` are needed.
 */
import { parseImageReference } from '../core/base-image.js';
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

export interface ApkCommand {
  cmd: SimpleCommand;
  sub: Word | null;
  subcommand: string | null;
  /** Non-option words after the subcommand: packages for add/del. */
  packages: Word[];
}

/** apk options that take a separate value (global ones, and those of add/del/fetch). */
export const APK_OPTIONS_WITH_VALUE = new Set([
  '-p',
  '--root',
  '-X',
  '--repository',
  '--arch',
  '--cache-dir',
  '--cache-max-age',
  '--keys-dir',
  '--repositories-file',
  '--wait',
  '--timeout',
  '--progress-fd',
  '--from',
  '-t',
  '--virtual',
  '-o',
  '--output',
]);

/** Subcommands that read the repository indexes (and so would use a cached copy). */
export const APK_INDEX_READERS = new Set([
  'add',
  'upgrade',
  'fix',
  'search',
  'fetch',
  'version',
  'policy',
  'dot',
  'info',
  'list',
  'manifest',
  'cache',
  'stats',
]);

/** Subcommands `--no-cache` is added to: the ones that install packages. */
export const APK_INSTALLERS = new Set(['add', 'upgrade']);

/** Where apk keeps indexes (and packages, when a package cache is enabled). */
export const APK_CACHE_DIRS = ['/var/cache/apk', '/etc/apk/cache'];

export function apkCommands(script: ShellScript): ApkCommand[] {
  return findCommands(script, 'apk').map((cmd) => {
    const sub = subcommandOf(cmd, APK_OPTIONS_WITH_VALUE);
    const subIndex = sub ? cmd.args.indexOf(sub) : cmd.args.length;
    const packages: Word[] = [];
    for (let i = subIndex + 1; i < cmd.args.length; i++) {
      const value = cmd.args[i].value;
      if (value !== null && value.startsWith('-')) {
        if (APK_OPTIONS_WITH_VALUE.has(value)) i++;
        continue;
      }
      packages.push(cmd.args[i]);
    }
    return { cmd, sub, subcommand: sub?.value ?? null, packages };
  });
}

/** `--no-cache` given (before or after the subcommand). */
export function usesNoCache(apk: ApkCommand): boolean {
  return hasOption(apk.cmd, [], ['no-cache']);
}

/** Options that make `--no-cache` wrong or pointless: an explicit cache dir, or offline mode. */
export function usesOwnCache(apk: ApkCommand): boolean {
  return hasOption(apk.cmd, [], ['cache-dir', 'no-network']);
}

/** The RUN mounts a cache (or tmpfs) over apk's cache: nothing there ends up in the layer. */
export function hasApkCacheMount(node: InstructionNode): boolean {
  return APK_CACHE_DIRS.some((dir) => isMountedAway(node, dir));
}

/** The RUN removes apk's cache itself (`rm -rf /var/cache/apk/*`). */
export function cleansApkCache(script: ShellScript): boolean {
  return findCommands(script, 'rm').some((rm) =>
    rm.args.some((w) => /^\/var\/cache\/apk(\/|$)/.test(w.text.replace(/^["']|["']$/g, ''))),
  );
}

/** The virtual package an `apk add --virtual <name>` (`-t <name>`) records, or null. */
export function apkVirtualName(apk: ApkCommand): string | null {
  const args = apk.cmd.args;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === '--virtual' || value === '-t') return args[i + 1]?.value ?? null;
    if (value?.startsWith('--virtual=')) return value.slice('--virtual='.length);
  }
  return null;
}

/**
 * Whether the apk of an image knows `--no-cache`: Alpine 3.3 and later do. Before, apk warns and
 * carries on with whatever index /var/cache/apk holds, so an `apk update` it relied on must stay.
 * Known from `alpine:<version>` (`latest`, `edge` and no tag are current), and from a tag word
 * `alpine<version>` (`python:3.12-alpine3.20`); null otherwise (`node:18-alpine`, another image).
 */
export function apkKnowsNoCache(image: string): boolean | null {
  const ref = parseImageReference(image);
  if (!ref || ref.registry) return null;
  const tag = (ref.tag ?? 'latest').toLowerCase();
  let version: string | null = null;
  if (ref.repository === 'alpine') {
    if (tag === 'latest' || tag === 'edge') return true;
    version = /^v?(\d+(?:\.\d+)?)/.exec(tag)?.[1] ?? null;
  } else {
    version = /(?:^|-)alpine(\d+\.\d+)(?:$|[-.])/.exec(tag)?.[1] ?? null;
  }
  if (version === null) return null;
  const [major, minor] = version.split('.').map(Number);
  // `alpine:3` follows the newest 3.x.
  if (minor === undefined) return major >= 3;
  return major > 3 || (major === 3 && minor >= 3);
}
