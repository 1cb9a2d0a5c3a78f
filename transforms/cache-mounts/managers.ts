/**
 * Per package manager: whether its installs in a RUN can use a cache mount, where the cache is,
 * and which of its cleanup commands and flags the mount makes pointless. Each planner refuses
 * (with the reason) whatever would make the mount hide something the build needs, or miss the
 * cache the tool really uses (after which the removed cleanup would leave the cache in the layer).
 */
import { baseImageFacts } from '../../src/core/base-image.js';
import { variableBefore } from '../../src/core/env.js';
import { baseImageOf } from '../../src/core/stages.js';
import {
  aptCommands,
  cleansAptLists,
  hasAptListsCacheMount,
  LISTS_ESTIMATE,
  updatesBeforeUse,
} from '../../src/packages/apt.js';
import { laterListUser, lineageTouchesDockerClean } from '../../src/packages/apt-lists.js';
import {
  commandSetsVariable,
  instructionSnippet,
  scriptSetsVariable,
} from '../../src/packages/hygiene.js';
import {
  choosesCacheDir,
  installsOffline,
  isCleanup,
  isInstalling,
  NODE_CACHE_VARIABLES,
  nodeCommands,
  yarnBerryRisk,
  type NodeTool,
} from '../../src/packages/node.js';
import { pythonCommands } from '../../src/packages/pip.js';
import { RPM_INSTALLING, rpmCommands, type RpmTool } from '../../src/packages/rpm.js';
import { ZYPPER_CACHE_DIR, ZYPPER_INSTALLING, zypperCommands } from '../../src/packages/zypper.js';
import { commandsOf } from '../../src/shell/query.js';
import { rootHome, type PlanContext, type PlanResult } from './plan.js';

export const PLANNERS: readonly ((p: PlanContext) => PlanResult)[] = [
  planApt,
  planPip,
  (p) => planNode(p, 'npm'),
  (p) => planNode(p, 'yarn'),
  planRpm,
  planZypper,
  planGo,
];

const refused = (manager: string, reason: string): PlanResult => ({ manager, refused: reason });

/** apt: the lists and the downloaded packages, both `sharing=locked` (apt locks them). */
function planApt({ ctx, node, script }: PlanContext): PlanResult {
  const apts = aptCommands(script);
  const { users, served } = updatesBeforeUse(script);
  if (users.length === 0) return null;
  if (!served)
    return refused(
      'apt',
      'it installs without `apt-get update` in the same RUN: a cache mount over the lists would hide the ones it relies on',
    );
  const later = laterListUser(ctx.model, node, ctx.shell);
  if (later)
    return refused(
      'apt',
      `a later RUN (${instructionSnippet(ctx.model, later)}) installs without its own \`apt-get update\` and needs the lists in the image`,
    );
  const lists = !cleansAptLists(script) && !hasAptListsCacheMount(node);
  const notes: string[] = [];
  const family = baseImageFacts(baseImageOf(node.stage!)).family;
  if (
    (family === 'debian' || family === null) &&
    !lineageTouchesDockerClean(ctx.model, node.stage!, ctx.shell)
  )
    notes.push(
      'official Debian/Ubuntu-based images delete downloaded .deb files after each install (/etc/apt/apt.conf.d/docker-clean), so /var/cache/apt stays empty unless apt-keep-cache (unsafe) removes that config',
    );
  return {
    manager: 'apt',
    caches: [
      { target: '/var/cache/apt', locked: true },
      { target: '/var/lib/apt/lists', locked: true },
    ],
    commands: apts
      .filter((a) => a.subcommand === 'clean' || a.subcommand === 'autoclean')
      .map((a) => a.cmd),
    words: [],
    did: [],
    notes,
    ...(lists ? { estimate: LISTS_ESTIMATE } : {}),
  };
}

/** pip (also `python -m pip`): `~/.cache/pip`, or PIP_CACHE_DIR. */
function planPip({ node, script }: PlanContext): PlanResult {
  const python = pythonCommands(script).filter((c) => c.tool === 'pip');
  const installs = python.filter((c) => c.subcommand === 'install');
  if (installs.length === 0) return null;
  if (variableBefore(node, ['PIP_NO_CACHE_DIR']))
    return refused('pip', 'ENV/ARG PIP_NO_CACHE_DIR turns pip’s cache off');
  const set = scriptSetsVariable(script, ['PIP_NO_CACHE_DIR', 'PIP_CACHE_DIR', 'HOME']);
  if (set) return refused('pip', `the RUN sets ${set}`);
  for (const c of installs) {
    if (c.args.some((w) => w.value === '--cache-dir' || w.value?.startsWith('--cache-dir=')))
      return refused('pip', 'pip is given its own --cache-dir');
    const prefix = commandSetsVariable(script, c.cmd, ['PIP_NO_CACHE_DIR', 'PIP_CACHE_DIR']);
    if (prefix) return refused('pip', `pip runs with ${prefix} set`);
  }
  const cache = cacheDir(node, ['PIP_CACHE_DIR'], '.cache/pip');
  if (typeof cache !== 'string') return refused('pip', cache.refused);
  return {
    manager: 'pip',
    caches: [{ target: cache, locked: false }],
    commands: python
      .filter((c) => c.subcommand === 'cache' && c.args.some((a) => a.value === 'purge'))
      .map((c) => c.cmd),
    words: installs.flatMap((c) => c.args.filter((w) => w.value === '--no-cache-dir')),
    did: [],
    notes: [],
  };
}

/** npm (`~/.npm`) and Yarn 1 (`/usr/local/share/.cache/yarn` for root). pnpm is left alone. */
function planNode({ ctx, node, script }: PlanContext, tool: NodeTool): PlanResult {
  const all = nodeCommands(script).filter((c) => c.tool === tool);
  const installs = all.filter(isInstalling);
  if (installs.length === 0) return null;
  if (installs.some(choosesCacheDir)) return refused(tool, `${tool} is given its own cache folder`);
  if (installs.some(installsOffline))
    return refused(tool, `${tool} installs --offline from a cache the image already has`);
  const set = scriptSetsVariable(script, [...NODE_CACHE_VARIABLES[tool], 'HOME']);
  if (set) return refused(tool, `the RUN sets ${set}`);
  if (tool === 'yarn') {
    const berry = yarnBerryRisk(ctx.model, ctx.buildContext);
    if (berry) return refused(tool, `this may be Yarn 2+, whose cache is elsewhere: ${berry}`);
  }
  const cache =
    tool === 'npm'
      ? cacheDir(node, NODE_CACHE_VARIABLES.npm, '.npm', true)
      : cacheDir(node, NODE_CACHE_VARIABLES.yarn, null);
  if (typeof cache !== 'string') return refused(tool, cache.refused);
  return {
    manager: tool,
    caches: [{ target: cache, locked: false }],
    commands: all.filter(isCleanup).map((c) => c.cmd),
    words: [],
    did: [],
    notes: [],
  };
}

/** Where dnf 4, dnf 5 and yum keep metadata: the tool name does not say which one runs. */
const RPM_CACHES: Readonly<Record<RpmTool, string[]>> = {
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5'],
  yum: ['/var/cache/yum', '/var/cache/dnf'],
  microdnf: ['/var/cache/yum'],
};

/** yum/dnf/microdnf: their metadata and package caches, `sharing=locked`. */
function planRpm({ script }: PlanContext): PlanResult {
  const rpms = rpmCommands(script);
  const installs = rpms.filter((c) => c.subcommand !== null && RPM_INSTALLING.has(c.subcommand));
  if (installs.length === 0) return null;
  if (
    installs.some((c) =>
      c.cmd.args.some((w) => /^--setopt=cachedir=|^--cachedir/.test(w.value ?? '')),
    )
  )
    return refused('yum/dnf', 'the cache directory is chosen on the command line');
  const dirs = [...new Set(installs.flatMap((c) => RPM_CACHES[c.tool]))];
  return {
    manager: [...new Set(installs.map((c) => c.tool))].join('/'),
    caches: dirs.map((target) => ({ target, locked: true })),
    commands: rpms.filter((c) => c.subcommand === 'clean').map((c) => c.cmd),
    words: [],
    did: [],
    notes: [],
  };
}

/** zypper: /var/cache/zypp, `sharing=locked`. */
function planZypper({ script }: PlanContext): PlanResult {
  const zyppers = zypperCommands(script);
  if (!zyppers.some((z) => z.subcommand !== null && ZYPPER_INSTALLING.has(z.subcommand)))
    return null;
  return {
    manager: 'zypper',
    caches: [{ target: ZYPPER_CACHE_DIR, locked: true }],
    commands: zyppers.filter((z) => z.subcommand === 'clean').map((z) => z.cmd),
    words: [],
    did: [],
    notes: [],
  };
}

/**
 * Go's build cache (`~/.cache/go-build`, GOCACHE): only compiled objects, never needed by the
 * image. The module cache (GOMODCACHE) is not mounted: later steps may need the modules in it.
 */
function planGo({ node, script }: PlanContext): PlanResult {
  const builds = commandsOf(script).filter(
    (c) =>
      c.name === 'go' &&
      ['build', 'install', 'test', 'vet', 'run'].includes(c.args[0]?.value ?? ''),
  );
  if (builds.length === 0) return null;
  const set = scriptSetsVariable(script, ['GOCACHE', 'HOME', 'XDG_CACHE_HOME']);
  if (set) return refused('go', `the RUN sets ${set}`);
  if (builds.some((c) => commandSetsVariable(script, c, ['GOCACHE', 'HOME'])))
    return refused('go', 'go runs with GOCACHE or HOME set');
  const cache = cacheDir(node, ['GOCACHE'], '.cache/go-build');
  if (typeof cache !== 'string') return refused('go', cache.refused);
  return {
    manager: 'go',
    caches: [{ target: cache, locked: false }],
    commands: [],
    words: [],
    did: [],
    notes: [],
  };
}

/**
 * The cache directory: a literal absolute value of one of `variables` (ENV/ARG), else `home/rel`
 * for root (`rel` null: the Yarn 1 root default), else a refusal.
 */
function cacheDir(
  node: PlanContext['node'],
  variables: readonly string[],
  relative: string | null,
  ignoreCase = false,
): string | { refused: string } {
  const setting = variableBefore(node, variables, ignoreCase);
  if (setting) {
    const value = setting.value?.replace(/^["']|["']$/g, '') ?? '';
    if (value.startsWith('/') && !/[$`\s]/.test(value)) return value.replace(/(.)\/+$/, '$1');
    return { refused: `${setting.name} is set to a value that is not a literal path` };
  }
  const home = rootHome(node);
  if (typeof home !== 'string') return home;
  return relative === null ? '/usr/local/share/.cache/yarn' : `${home}/${relative}`;
}
