/**
 * npm, Yarn (classic and Berry) and pnpm installs. They read package.json, the lock file and the
 * package manager's own configuration; they run the root package's install lifecycle scripts,
 * which may read anything, so those are refused unless `--ignore-scripts` is given.
 */
import type { SimpleCommand } from '../../shell/query.js';
import {
  hasAny,
  parseArgs,
  refuse,
  valueOf,
  type Classified,
  type InstallInput,
  type Inspection,
  type ProjectFiles,
} from './types.js';

/** Scripts of the root package that npm, Yarn and pnpm run during an install. */
const INSTALL_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'prepublish',
  'preprepare',
  'prepare',
  'postprepare',
];
const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'overrides',
  'resolutions',
];

const NPM_WITH_VALUE = new Set([
  '--prefix',
  '--omit',
  '--include',
  '--registry',
  '--cache',
  '--loglevel',
  '--userconfig',
  '--install-strategy',
  '--only',
  '--fetch-retries',
  '--fetch-timeout',
  '--tag',
  '--location',
  '-w',
  '--workspace',
]);
const YARN_WITH_VALUE = new Set([
  '--cwd',
  '--modules-folder',
  '--network-timeout',
  '--mutex',
  '--cache-folder',
  '--registry',
  '--mode',
  '--network-concurrency',
]);
const PNPM_WITH_VALUE = new Set([
  '--dir',
  '-C',
  '--store-dir',
  '--virtual-store-dir',
  '--modules-dir',
  '--reporter',
  '--loglevel',
  '--registry',
  '--filter',
  '-F',
  '--network-concurrency',
  '--child-concurrency',
]);

const NPM_INSTALL = new Set(['ci', 'install', 'i', 'isntall', 'clean-install', 'add']);

export function classifyNode(cmd: SimpleCommand): Classified | null {
  switch (cmd.name) {
    case 'npm':
      return npm(cmd);
    case 'yarn':
      return yarn(cmd);
    case 'pnpm':
      return pnpm(cmd);
    case 'corepack':
      return { kind: 'setup' };
    default:
      return null;
  }
}

function npm(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, NPM_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config' || sub === 'set' || sub === 'cache') return { kind: 'setup' };
  if (!sub || !NPM_INSTALL.has(sub)) return { kind: 'other' };
  const global = hasAny(args, '-g', '--global') || valueOf(args, '--location') === 'global';
  const packages = args.positionals.slice(1);
  if (global) {
    if (packages.length === 0 || args.dynamic)
      return refuse('`npm install -g` without package names installs the source itself');
    if (packages.some((p) => p.value === null || /^[./~]/.test(p.value)))
      return refuse('`npm install -g` of a local path needs the source');
    return { kind: 'setup' };
  }
  if (args.dynamic) return refuse(`\`npm ${sub}\` has arguments that expand at build time`);
  if (packages.length > 0)
    return refuse(
      `\`npm ${sub} ${packages.map((p) => p.text).join(' ')}\` installs packages named on the command line and rewrites package.json`,
    );
  if (hasAny(args, '-w', '--workspace', '--workspaces', '-ws'))
    return refuse('npm workspaces need every workspace package');
  return nodeInstall(
    cmd,
    'npm',
    valueOf(args, '--prefix') ?? '',
    hasAny(args, '--ignore-scripts'),
    [
      { path: 'package-lock.json', required: false },
      { path: 'npm-shrinkwrap.json', required: false },
    ],
  );
}

function yarn(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, YARN_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config' || sub === 'cache') return { kind: 'setup' };
  if (sub === 'global') return args.dynamic ? { kind: 'other' } : { kind: 'setup' };
  if (sub === 'add') return refuse('`yarn add` installs packages named on the command line');
  if (sub !== undefined && sub !== 'install') return { kind: 'other' };
  if (args.dynamic || args.positionals.length > 1)
    return refuse('`yarn install` has arguments dockopt does not know');
  const modules = valueOf(args, '--modules-folder');
  if (modules && modules.startsWith('/')) return refuse('`--modules-folder` outside the project');
  return nodeInstall(
    cmd,
    'yarn',
    valueOf(args, '--cwd') ?? '',
    hasAny(args, '--ignore-scripts'),
    [
      { path: 'yarn.lock', required: false },
      { path: '.yarnrc', required: false },
      { path: '.yarnrc.yml', required: false },
      // Yarn Berry: the pinned release (yarnPath), plugins, patches and an offline cache.
      { path: '.yarn/releases', required: false, dir: true },
      { path: '.yarn/plugins', required: false, dir: true },
      { path: '.yarn/patches', required: false, dir: true },
      { path: '.yarn/cache', required: false, dir: true },
    ],
    [
      modules ?? 'node_modules',
      '.pnp.cjs',
      '.pnp.js',
      '.pnp.loader.mjs',
      '.yarn/install-state.gz',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
    ],
  );
}

function pnpm(cmd: SimpleCommand): Classified {
  const args = parseArgs(cmd.args, PNPM_WITH_VALUE);
  const sub = args.positionals[0]?.value;
  if (sub === 'config' || sub === 'store' || sub === 'setup') return { kind: 'setup' };
  if (sub === 'add') return refuse('`pnpm add` installs packages named on the command line');
  if (sub !== 'install' && sub !== 'i') return { kind: 'other' };
  if (hasAny(args, '-g', '--global'))
    return args.positionals.length > 1
      ? { kind: 'setup' }
      : refuse('`pnpm install -g` of the source');
  if (args.dynamic || args.positionals.length > 1)
    return refuse('`pnpm install` has arguments dockopt does not know');
  if (hasAny(args, '--filter', '-F', '-r', '--recursive'))
    return refuse('pnpm workspaces need every workspace package');
  const modules = valueOf(args, '--modules-dir');
  return nodeInstall(
    cmd,
    'pnpm',
    valueOf(args, '--dir', '-C') ?? '',
    hasAny(args, '--ignore-scripts'),
    [
      { path: 'pnpm-lock.yaml', required: false },
      { path: '.pnpmfile.cjs', required: false },
    ],
    [modules ?? 'node_modules'],
  );
}

function nodeInstall(
  cmd: SimpleCommand,
  tool: string,
  project: string,
  ignoreScripts: boolean,
  inputs: InstallInput[],
  outputs: string[] = ['node_modules'],
): Classified {
  return {
    kind: 'install',
    install: {
      tool,
      cmd,
      project,
      inputs: [
        { path: 'package.json', required: true },
        ...inputs,
        { path: '.npmrc', required: false },
      ],
      outputs,
      inspect: (files) => inspectPackage(files, tool, ignoreScripts),
    },
  };
}

function inspectPackage(files: ProjectFiles, tool: string, ignoreScripts: boolean): Inspection {
  const text = files.readText('package.json');
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text ?? '');
  } catch {
    return { ok: false, reason: 'package.json is not valid JSON' };
  }
  if (typeof pkg !== 'object' || pkg === null)
    return { ok: false, reason: 'package.json is not an object' };
  if (pkg.workspaces) return { ok: false, reason: 'package.json declares workspaces' };
  if (tool === 'pnpm' && files.copied('pnpm-workspace.yaml'))
    return { ok: false, reason: 'pnpm-workspace.yaml declares a workspace' };
  const scripts = (pkg.scripts ?? {}) as Record<string, unknown>;
  const run = INSTALL_SCRIPTS.filter((s) => typeof scripts[s] === 'string');
  if (run.length > 0 && !ignoreScripts)
    return {
      ok: false,
      reason: `package.json runs \`${run.join('`, `')}\` on install, which may need the source`,
    };
  if (!ignoreScripts && files.copied('binding.gyp') && !run.includes('install'))
    return { ok: false, reason: 'binding.gyp: the install compiles it with node-gyp' };
  for (const field of DEPENDENCY_FIELDS) {
    const deps = pkg[field];
    if (typeof deps !== 'object' || deps === null) continue;
    for (const [name, spec] of Object.entries(flatten(deps as Record<string, unknown>))) {
      if (/^(file:|link:|portal:|patch:|workspace:|\.|\/|~)/.test(spec))
        return { ok: false, reason: `${field} has a local dependency ("${name}": "${spec}")` };
    }
  }
  const pnpmField = pkg.pnpm as Record<string, unknown> | undefined;
  if (pnpmField?.patchedDependencies)
    return { ok: false, reason: 'pnpm.patchedDependencies reads patch files from the source' };
  return { ok: true, inputs: [] };
}

/** Dependency specs, with nested `overrides` flattened. */
function flatten(deps: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(deps)) {
    if (typeof spec === 'string') out[prefix + name] = spec;
    else if (typeof spec === 'object' && spec !== null)
      Object.assign(out, flatten(spec as Record<string, unknown>, `${prefix}${name} > `));
  }
  return out;
}
