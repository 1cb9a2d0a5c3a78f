/**
 * npm, yarn and pnpm commands in a RUN: subcommand (aliases resolved), the options that move the
 * cache, and the cleanups that empty it. Shared by every transform that reads or rewrites them.
 *
 * Caches (documented defaults): npm `~/.npm` (`--cache`, npm_config_cache), Yarn 1
 * `/usr/local/share/.cache/yarn` for root and `~/.cache/yarn` otherwise (`--cache-folder`,
 * YARN_CACHE_FOLDER), pnpm's store `~/.local/share/pnpm/store` (`--store-dir`, PNPM_HOME).
 */
import type { BuildContext } from '../core/context.js';
import type { DockerfileModel, InstructionNode } from '../core/model.js';
import { discardedMounts, isHomeDirMountedAway, isMountedAway } from './mounts.js';
import { commandsOf, hasOption, type SimpleCommand, type Word } from '../shell/query.js';
import type { ShellScript } from '../shell/script.js';

export type NodeTool = 'npm' | 'yarn' | 'pnpm';

export interface NodeCommand {
  cmd: SimpleCommand;
  tool: NodeTool;
  sub: Word | null;
  /** Aliases resolved (`i` → `install`); `install` for a bare `yarn`. */
  subcommand: string | null;
}

const NPM_ALIASES: Readonly<Record<string, string>> = {
  i: 'install',
  in: 'install',
  ins: 'install',
  inst: 'install',
  insta: 'install',
  instal: 'install',
  isnt: 'install',
  isnta: 'install',
  isntal: 'install',
  isntall: 'install',
  add: 'install',
  'clean-install': 'ci',
  ic: 'ci',
  'install-clean': 'ci',
  'isntall-clean': 'ci',
  it: 'install-test',
  cit: 'install-ci-test',
  up: 'update',
  upgrade: 'update',
  udpate: 'update',
};

/** Subcommands that download packages into the cache. */
export const NODE_INSTALLING: Readonly<Record<NodeTool, ReadonlySet<string>>> = {
  npm: new Set(['install', 'ci', 'update', 'install-test', 'install-ci-test']),
  yarn: new Set(['install', 'add', 'global', 'upgrade']),
  pnpm: new Set(['install', 'i', 'add', 'update', 'up', 'fetch']),
};

/** Options that take a separate value, for finding the subcommand. */
const OPTIONS_WITH_VALUE = new Set([
  '--prefix',
  '-C',
  '--cache',
  '--registry',
  '--userconfig',
  '--globalconfig',
  '--loglevel',
  '--workspace',
  '-w',
  '--cwd',
  '--cache-folder',
  '--modules-folder',
  '--global-folder',
  '--mutex',
  '--network-timeout',
  '--store-dir',
  '--dir',
  '--filter',
  '-F',
]);

export function nodeCommands(script: ShellScript): NodeCommand[] {
  const out: NodeCommand[] = [];
  for (const cmd of commandsOf(script)) {
    const base = cmd.name?.split('/').pop();
    if (base !== 'npm' && base !== 'yarn' && base !== 'pnpm') continue;
    let sub: Word | null = null;
    let plain = true;
    for (let i = 0; i < cmd.args.length; i++) {
      const value = cmd.args[i].value;
      if (value === null) {
        plain = false;
        break;
      }
      if (!value.startsWith('-')) {
        sub = cmd.args[i];
        break;
      }
      if (OPTIONS_WITH_VALUE.has(value)) i++;
    }
    let subcommand = sub?.value ?? null;
    if (base === 'npm' && subcommand) subcommand = NPM_ALIASES[subcommand] ?? subcommand;
    if (base === 'yarn' && !sub && plain) subcommand = 'install';
    out.push({ cmd, tool: base, sub, subcommand });
  }
  return out;
}

export function isInstalling(c: NodeCommand): boolean {
  return c.subcommand !== null && NODE_INSTALLING[c.tool].has(c.subcommand);
}

/** The cache location is chosen on the command line: a cleanup would empty another directory. */
export function choosesCacheDir(c: NodeCommand): boolean {
  const long = { npm: ['cache'], yarn: ['cache-folder'], pnpm: ['store-dir'] }[c.tool];
  return hasOption(c.cmd, [], long);
}

/** `--offline`: the command installs from the cache alone, so the cache must still be there. */
export function installsOffline(c: NodeCommand): boolean {
  return hasOption(c.cmd, [], ['offline']);
}

/** The cleanup command of each tool (after the tool's name). */
export const NODE_CLEANUP: Readonly<Record<NodeTool, string>> = {
  npm: 'cache clean --force',
  yarn: 'cache clean',
  pnpm: 'store prune',
};

/** The tool's own cleanup (`npm cache clean`, `yarn cache clean`, `pnpm store prune`). */
export function isCleanup(c: NodeCommand): boolean {
  const words = c.cmd.args.map((a) => a.value);
  if (c.tool === 'pnpm') return words[0] === 'store' && words[1] === 'prune';
  return words[0] === 'cache' && words[1] === 'clean';
}

/** Cache directories below the user's home, per tool (for `rm -rf ~/.npm` and mounts). */
const HOME_CACHE: Readonly<Record<NodeTool, string[]>> = {
  npm: ['.npm'],
  yarn: ['.cache/yarn', '.yarn/berry/cache'],
  pnpm: ['.local/share/pnpm', '.pnpm-store'],
};
const ABSOLUTE_CACHE: Readonly<Record<NodeTool, string[]>> = {
  npm: [],
  yarn: ['/usr/local/share/.cache/yarn'],
  pnpm: [],
};

/** An `rm` of the tool's cache directory. */
export function removesNodeCache(script: ShellScript, tool: NodeTool, after: number): boolean {
  return commandsOf(script).some(
    (c) =>
      c.node.start > after &&
      c.name === 'rm' &&
      c.args.some((w) => {
        const path = w.text.replace(/^["']|["']$/g, '').replace(/\/\*?$/, '');
        return (
          HOME_CACHE[tool].some((d) => path.endsWith(`/${d}`)) ||
          ABSOLUTE_CACHE[tool].some((d) => path === d)
        );
      }),
  );
}

/**
 * The tool's cache is a cache/tmpfs mount of the RUN: the default directory, `configured` (from
 * ENV), or for pnpm any mount with `pnpm` in its target (its docs put the store at /pnpm).
 */
export function hasNodeCacheMount(
  node: InstructionNode,
  tool: NodeTool,
  configured: string | null,
): boolean {
  if (HOME_CACHE[tool].some((d) => isHomeDirMountedAway(node, d))) return true;
  if (ABSOLUTE_CACHE[tool].some((d) => isMountedAway(node, d))) return true;
  if (configured !== null && isMountedAway(node, configured)) return true;
  return tool === 'pnpm' && discardedMounts(node).some((m) => /pnpm/.test(m.target ?? ''));
}

/** Environment variables that move each tool's cache (npm reads its config in any case). */
export const NODE_CACHE_VARIABLES: Readonly<Record<NodeTool, string[]>> = {
  npm: ['npm_config_cache'],
  yarn: ['YARN_CACHE_FOLDER', 'YARN_GLOBAL_FOLDER'],
  pnpm: ['PNPM_HOME', 'npm_config_store_dir', 'XDG_DATA_HOME'],
};

/** Packages whose removal takes the tool away (for `apk del nodejs npm` after the install). */
export const NODE_PACKAGES: Readonly<Record<NodeTool, string[]>> = {
  npm: ['npm', 'nodejs', 'nodejs-npm', 'node', 'nodejs-current'],
  yarn: ['yarn', 'nodejs', 'node', 'nodejs-current'],
  pnpm: ['pnpm', 'nodejs', 'node', 'nodejs-current'],
};

/**
 * Why Yarn here may be Yarn 2+ ("berry"), whose `yarn cache clean` deletes the project's package
 * archives that Plug'n'Play loads at run time; null when the build context shows Yarn 1.
 */
export function yarnBerryRisk(model: DockerfileModel, context: BuildContext | null): string | null {
  const text = model.text;
  if (/\bcorepack\b/.test(text)) return 'the Dockerfile uses corepack, which may select Yarn 2+';
  if (/\byarn\s+(set\s+version|policies\s+set-version)\b/.test(text))
    return 'the Dockerfile switches Yarn versions';
  if (/\.yarnrc\.yml|\.yarn\/releases|--immutable\b|@yarnpkg\/cli/.test(text))
    return 'the Dockerfile refers to Yarn 2+ files or options';
  if (!context) return 'without the build context, Yarn 1 cannot be told from Yarn 2+';
  let manifests = 0;
  for (const dir of projectDirs(model)) {
    const prefix = dir === '' ? '' : `${dir}/`;
    if (context.exists(`${prefix}.yarnrc.yml`) || context.exists(`${prefix}.yarn/releases`))
      return `the build context has Yarn 2+ configuration (${prefix}.yarnrc.yml)`;
    const manifest = context.readText(`${prefix}package.json`);
    if (manifest === null) continue;
    manifests++;
    if (/"packageManager"\s*:\s*"yarn@(?!1\.)/.test(manifest))
      return `${prefix}package.json asks for Yarn 2+ (packageManager)`;
  }
  // No manifest at all: this is not the project's context, so it proves nothing.
  return manifests > 0 ? null : 'the build context has no package.json to tell Yarn 1 from Yarn 2+';
}

/** The context directories holding the package.json / yarn.lock the Dockerfile copies. */
function projectDirs(model: DockerfileModel): string[] {
  const dirs = new Set<string>(['']);
  for (const node of model.instructions) {
    if ((node.keyword !== 'COPY' && node.keyword !== 'ADD') || !node.args) continue;
    if (node.flags.some((f) => f.name === 'from')) continue;
    for (const word of model.text.slice(node.args.start, node.args.end).split(/\s+/)) {
      const path = word.replace(/^["'[]+|["',\]]+$/g, '').replace(/^\.?\//, '');
      const match = /^(.*?)\/?(package\.json|yarn\.lock)$/.exec(path);
      if (match) dirs.add(match[1]);
    }
  }
  return [...dirs];
}
