/**
 * Python package installers in a RUN: pip (`pip`, `pip3`, `pip3.12`, `/opt/venv/bin/pip`,
 * `python -m pip`, `python3.12 -m pip`), pipenv, poetry and uv, with the subcommand and the
 * options that decide where their caches go. Shared by every transform that reads or rewrites them.
 *
 * Caches (Linux defaults, documented by each tool): pip `~/.cache/pip` (PIP_CACHE_DIR,
 * `--cache-dir`; off with `--no-cache-dir` or PIP_NO_CACHE_DIR), pipenv `~/.cache/pipenv`
 * (PIPENV_CACHE_DIR), poetry `~/.cache/pypoetry` (POETRY_CACHE_DIR; off with `--no-cache`, Poetry
 * 1.2+), uv `~/.cache/uv` (UV_CACHE_DIR; off with `--no-cache` or UV_NO_CACHE).
 */
import type { InstructionNode } from '../core/model.js';
import { isHomeDirMountedAway, isMountedAway } from './mounts.js';
import { commandsOf, type SimpleCommand, type Word } from '../shell/query.js';
import type { ShellScript } from '../shell/script.js';

export type PythonTool = 'pip' | 'pipenv' | 'poetry' | 'uv';

export interface PythonCommand {
  cmd: SimpleCommand;
  tool: PythonTool;
  /** `pip`, or `python -m pip` when run through the interpreter. */
  via: 'direct' | 'python -m';
  /** The subcommand word (`install`; for `uv pip install`, `install`). */
  sub: Word | null;
  subcommand: string | null;
  /** Words after the tool name (after `-m pip` for the interpreter form). */
  args: Word[];
}

/** pip options (general and install) that take a separate value. */
export const PIP_OPTIONS_WITH_VALUE = new Set([
  '--python',
  '--log',
  '--log-file',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '--cache-dir',
  '--use-feature',
  '--use-deprecated',
  '--keyring-provider',
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--root',
  '--prefix',
  '--src',
  '--upgrade-strategy',
  '--install-option',
  '--global-option',
  '-C',
  '--config-settings',
  '--no-binary',
  '--only-binary',
  '--progress-bar',
  '--report',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
]);

/** Python interpreter options that take a separate value (`-W ignore`, `-X dev`). */
const PYTHON_OPTIONS_WITH_VALUE = new Set(['-W', '-X', '-c']);

const PIP_NAME = /^pip(\d+(\.\d+)?)?$/;
const PYTHON_NAME = /^python(\d+(\.\d+)?)?$/;

/** Every pip, pipenv, poetry and uv command of the script, in source order. */
export function pythonCommands(script: ShellScript): PythonCommand[] {
  const out: PythonCommand[] = [];
  for (const cmd of commandsOf(script)) {
    if (cmd.name === null) continue;
    const base = cmd.name.split('/').pop()!;
    if (PIP_NAME.test(base)) {
      out.push(withSub(cmd, 'pip', 'direct', cmd.args));
    } else if (PYTHON_NAME.test(base)) {
      const rest = afterDashMPip(cmd.args);
      if (rest) out.push(withSub(cmd, 'pip', 'python -m', rest));
    } else if (base === 'pipenv' || base === 'poetry') {
      out.push(withSub(cmd, base, 'direct', cmd.args));
    } else if (base === 'uv') {
      out.push(uvCommand(cmd));
    }
  }
  return out;
}

/** uv options that take a separate value. */
const UV_OPTIONS_WITH_VALUE = new Set([
  '--cache-dir',
  '--python',
  '-p',
  '--directory',
  '--project',
  '--config-file',
  '--color',
  '--extra',
  '--group',
  '--package',
  '--index',
  '--default-index',
  '--index-url',
  '--extra-index-url',
  '-r',
  '--requirements',
  '--link-mode',
]);

/** `uv sync`, `uv add`...; `uv pip install` gets the subcommand `pip install` (its word: `install`). */
function uvCommand(cmd: SimpleCommand): PythonCommand {
  const first = firstPlain(cmd.args, UV_OPTIONS_WITH_VALUE);
  if (first?.value !== 'pip') {
    return {
      cmd,
      tool: 'uv',
      via: 'direct',
      sub: first,
      subcommand: first?.value ?? null,
      args: cmd.args,
    };
  }
  const inner = firstPlain(cmd.args.slice(cmd.args.indexOf(first) + 1), UV_OPTIONS_WITH_VALUE);
  return {
    cmd,
    tool: 'uv',
    via: 'direct',
    sub: inner,
    subcommand: inner?.value ? `pip ${inner.value}` : null,
    args: cmd.args,
  };
}

function withSub(
  cmd: SimpleCommand,
  tool: PythonTool,
  via: PythonCommand['via'],
  args: Word[],
): PythonCommand {
  const sub = firstPlain(args, PIP_OPTIONS_WITH_VALUE);
  return { cmd, tool, via, sub, subcommand: sub?.value ?? null, args };
}

/** The first word that is not an option (skipping option values); null if dynamic or absent. */
function firstPlain(args: Word[], withValue: ReadonlySet<string>): Word | null {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === null) return null;
    if (!value.startsWith('-')) return args[i];
    if (withValue.has(value)) i++;
  }
  return null;
}

/** For `python [opts] -m pip ...`, the words after `pip`; null when it is not pip that runs. */
function afterDashMPip(args: Word[]): Word[] | null {
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === null || !value.startsWith('-')) return null;
    if (value === '-m') return args[i + 1]?.value === 'pip' ? args.slice(i + 2) : null;
    if (value === '-mpip') return args.slice(i + 1);
    if (PYTHON_OPTIONS_WITH_VALUE.has(value)) {
      if (value === '-c') return null;
      i++;
    }
  }
  return null;
}

function hasAny(args: Word[], names: readonly string[]): boolean {
  return args.some(
    (w) => w.value !== null && names.some((n) => w.value === n || w.value!.startsWith(`${n}=`)),
  );
}

/** pip: `--no-cache-dir` given, or a cache directory chosen explicitly with `--cache-dir`. */
export function pipDecidesCache(c: PythonCommand): boolean {
  return hasAny(c.args, ['--no-cache-dir', '--cache-dir']);
}

/** uv: `--no-cache`/`-n` (or its alias `--no-cache-dir`), or `--cache-dir` given. */
export function uvDecidesCache(c: PythonCommand): boolean {
  return (
    hasAny(c.args, ['--no-cache', '--no-cache-dir', '--cache-dir']) ||
    c.args.some((w) => w.value === '-n')
  );
}

/** poetry: `--no-cache` given. */
export function poetryDecidesCache(c: PythonCommand): boolean {
  return hasAny(c.args, ['--no-cache']);
}

/** uv installs by symlinking into its cache: removing or skipping the cache breaks the env. */
export function uvLinksBySymlink(c: PythonCommand): boolean {
  return c.args.some(
    (w, i) =>
      w.value === '--link-mode=symlink' ||
      (w.value === '--link-mode' && c.args[i + 1]?.value === 'symlink'),
  );
}

/** pip's cache (default `~/.cache/pip`, or `cacheDir` when PIP_CACHE_DIR is set) is a mount. */
export function hasPipCacheMount(node: InstructionNode, cacheDir: string | null = null): boolean {
  return (
    isHomeDirMountedAway(node, '.cache/pip') || (cacheDir !== null && isMountedAway(node, cacheDir))
  );
}

/** uv's cache (default `~/.cache/uv`, or UV_CACHE_DIR) is a mount. */
export function hasUvCacheMount(node: InstructionNode, cacheDir: string | null = null): boolean {
  return (
    isHomeDirMountedAway(node, '.cache/uv') || (cacheDir !== null && isMountedAway(node, cacheDir))
  );
}

/** poetry's cache (default `~/.cache/pypoetry`, or POETRY_CACHE_DIR) is a mount. */
export function hasPoetryCacheMount(
  node: InstructionNode,
  cacheDir: string | null = null,
): boolean {
  return (
    isHomeDirMountedAway(node, '.cache/pypoetry') ||
    (cacheDir !== null && isMountedAway(node, cacheDir))
  );
}

/** pipenv's and pip's caches (`~/.cache/pipenv`, `~/.cache/pip`) are mounts. */
export function hasPipenvCacheMount(node: InstructionNode): boolean {
  return isHomeDirMountedAway(node, '.cache/pipenv') && isHomeDirMountedAway(node, '.cache/pip');
}

/** `rm` of a pipenv or pip cache directory. */
export function removesCacheDir(script: ShellScript, dir: '.cache/pip' | '.cache/pipenv'): boolean {
  return commandsOf(script).some(
    (c) =>
      c.name === 'rm' &&
      c.args.some((w) => {
        const text = w.text.replace(/^["']|["']$/g, '').replace(/\/\*?$/, '');
        return text.endsWith(`/${dir}`) || text.endsWith('/.cache');
      }),
  );
}

/** `pip cache purge` run in the script. */
export function purgesPipCache(script: ShellScript): boolean {
  return pythonCommands(script).some(
    (c) => c.tool === 'pip' && c.subcommand === 'cache' && c.args.some((a) => a.value === 'purge'),
  );
}
