/**
 * Cleanup commands: what a command that only deletes things deletes. A RUN made of nothing but
 * such commands can be moved into an earlier RUN (fold-cleanup) when nothing in between depends on
 * what it deletes; these effects are what that proof works from.
 */
import { apkCommands, APK_CACHE_DIRS } from './apk.js';
import { aptCommands } from './apt.js';
import { condaCommands } from './conda.js';
import { isCleanup, nodeCommands } from './node.js';
import { pythonCommands } from './pip.js';
import { rpmCommands } from './rpm.js';
import { ZYPPER_CACHE_DIR, zypperCommands } from './zypper.js';
import { pathTarget, type PathTarget } from '../shell/paths.js';
import { findAll, textOf, type ShNode, type ShellScript } from '../shell/script.js';
import { commandsOf, type SimpleCommand, type Word } from '../shell/query.js';

export type Manager = 'apt' | 'apk' | 'rpm' | 'zypper' | 'npm' | 'yarn' | 'pnpm' | 'pip' | 'conda';

export interface CleanupEffect {
  cmd: SimpleCommand;
  /** Files it deletes. */
  paths: PathTarget[];
  /** It removes installed packages: which files is not known, and anything may use them. */
  packages: string[] | null;
  /** The package manager whose downloads, lists or packages it removes. */
  manager: Manager | null;
  /** Its behaviour may depend on the environment (not so for `rm` with literal arguments). */
  envSensitive: boolean;
}

/** Where package managers keep what a cleanup removes, so the RUN that wrote it can be found. */
export const MANAGER_PATHS: readonly (readonly [string, Manager])[] = [
  ['/var/lib/apt/lists', 'apt'],
  ['/var/cache/apt', 'apt'],
  ...APK_CACHE_DIRS.map((dir) => [dir, 'apk'] as const),
  ['/var/cache/yum', 'rpm'],
  ['/var/cache/dnf', 'rpm'],
  ['/var/cache/libdnf5', 'rpm'],
  [ZYPPER_CACHE_DIR, 'zypper'],
  ['/root/.npm', 'npm'],
  ['/usr/local/share/.cache/yarn', 'yarn'],
  ['/root/.cache/pip', 'pip'],
  ['/opt/conda/pkgs', 'conda'],
];

const NO_OPS = new Set(['true', ':']);
/** Node types a cleanup-only RUN may contain besides commands and their words. */
const STRUCTURE = new Set([
  'program',
  'list',
  'command',
  'command_name',
  'word',
  'string',
  'raw_string',
  'string_content',
  'concatenation',
  'number',
  'redirected_statement',
  'file_redirect',
  'file_descriptor',
  'comment',
]);

/**
 * The effects of a RUN that only cleans up (`rm`, `apt-get clean|purge|autoremove`, `apk del`,
 * `yum/dnf clean|remove`, `zypper clean|remove`, `npm|yarn cache clean`, `pnpm store prune`,
 * `pip cache purge`, `conda clean`, possibly with `|| true` and redirections to /dev/null), or
 * null when it does anything else.
 */
export function cleanupOnly(script: ShellScript): CleanupEffect[] | null {
  for (const node of findAll(script.root, new Set(['command', 'file_redirect']))) {
    if (node.type === 'file_redirect' && !redirectsToNull(script, node)) return null;
  }
  if (!onlyStructure(script.root)) return null;
  const effects: CleanupEffect[] = [];
  for (const cmd of commandsOf(script)) {
    if (cmd.name !== null && NO_OPS.has(cmd.name) && cmd.prefixes.length === 0) continue;
    const effect = cleanupEffect(script, cmd);
    if (!effect) return null;
    effects.push(effect);
  }
  return effects.length > 0 ? effects : null;
}

/** What one command deletes, or null when it is not a cleanup command. */
export function cleanupEffect(script: ShellScript, cmd: SimpleCommand): CleanupEffect | null {
  if (cmd.prefixes.length > 0 || cmd.wrappers.some((w) => w.value !== 'sudo')) return null;
  if (cmd.name === 'rm' || cmd.name === 'rmdir') {
    const paths = operands(cmd).map((w) => pathTarget(w.text));
    if (paths.length === 0) return null;
    const manager = paths.map(managerOfPath).find((m) => m !== null) ?? null;
    return {
      cmd,
      paths,
      packages: null,
      manager,
      envSensitive: paths.some((p) => p.kind === 'unknown'),
    };
  }
  const apt = aptCommands(script).find((a) => a.cmd.node === cmd.node);
  if (apt) {
    switch (apt.subcommand) {
      case 'clean':
      case 'autoclean':
        return cache(cmd, 'apt', '/var/cache/apt/archives/*');
      case 'purge':
      case 'remove':
      case 'autoremove':
        return removal(cmd, 'apt', apt.packages);
    }
    return null;
  }
  const apk = apkCommands(script).find((a) => a.cmd.node === cmd.node);
  if (apk) {
    if (apk.subcommand === 'del') return removal(cmd, 'apk', apk.packages);
    if (apk.subcommand === 'cache' && apk.packages.some((w) => w.value === 'clean'))
      return cache(cmd, 'apk', ...APK_CACHE_DIRS.map((d) => `${d}/*`));
    return null;
  }
  const rpm = rpmCommands(script).find((r) => r.cmd.node === cmd.node);
  if (rpm) {
    if (rpm.subcommand === 'clean')
      return cache(cmd, 'rpm', '/var/cache/yum/*', '/var/cache/dnf/*', '/var/cache/libdnf5/*');
    if (['remove', 'erase', 'autoremove'].includes(rpm.subcommand ?? ''))
      return removal(cmd, 'rpm', rpm.packages);
    return null;
  }
  const zypper = zypperCommands(script).find((z) => z.cmd.node === cmd.node);
  if (zypper) {
    if (zypper.subcommand === 'clean') return cache(cmd, 'zypper', `${ZYPPER_CACHE_DIR}/*`);
    if (zypper.subcommand === 'remove') return removal(cmd, 'zypper', zypper.packages);
    return null;
  }
  const node = nodeCommands(script).find((c) => c.cmd.node === cmd.node);
  if (node) {
    return isCleanup(node) ? cache(cmd, node.tool, IN_HOME) : null;
  }
  const python = pythonCommands(script).find((c) => c.cmd.node === cmd.node);
  if (python) {
    const purge =
      python.tool === 'pip' &&
      python.subcommand === 'cache' &&
      python.args.some((a) => a.value === 'purge' || a.value === 'remove');
    return purge ? cache(cmd, 'pip', IN_HOME) : null;
  }
  const conda = condaCommands(script).find((c) => c.cmd.node === cmd.node);
  if (conda?.subcommand === 'clean') return cache(cmd, 'conda', IN_HOME);
  return null;
}

/**
 * A cache under the home directory of whoever runs the command (npm, Yarn, pip, conda's default
 * when installed per user): not a path known statically, so it overlaps everything.
 */
const IN_HOME: PathTarget = { kind: 'unknown', hint: '' };

/** A cleanup that empties a package manager's cache directories. */
function cache(
  cmd: SimpleCommand,
  manager: Manager,
  ...paths: (string | PathTarget)[]
): CleanupEffect {
  const targets = paths.map((p) => (typeof p === 'string' ? pathTarget(p) : p));
  return { cmd, paths: targets, packages: null, manager, envSensitive: true };
}

/** A command that removes installed packages. */
function removal(cmd: SimpleCommand, manager: Manager, packages: readonly Word[]): CleanupEffect {
  return {
    cmd,
    paths: [],
    packages: packages.map((w) => w.value ?? w.text),
    manager,
    envSensitive: true,
  };
}

/** The package manager a deleted path belongs to (`/var/lib/apt/lists/*` → apt). */
export function managerOfPath(target: PathTarget): Manager | null {
  if (target.kind !== 'absolute') return null;
  for (const [dir, manager] of MANAGER_PATHS)
    if (target.path === dir || target.path.startsWith(`${dir}/`)) return manager;
  return null;
}

/** Non-option arguments (after `--`, everything is an operand). */
function operands(cmd: SimpleCommand) {
  const out = [];
  let options = true;
  for (const word of cmd.args) {
    if (options && word.value === '--') {
      options = false;
      continue;
    }
    if (options && word.value !== null && /^-./.test(word.value)) continue;
    out.push(word);
  }
  return out;
}

function onlyStructure(node: ShNode): boolean {
  if (node.named && !STRUCTURE.has(node.type)) return false;
  if (!node.named && ['|', '|&', '&'].includes(node.type)) return false;
  return node.children.every(onlyStructure);
}

/** `>/dev/null`, `2>/dev/null`, `2>&1`. */
function redirectsToNull(script: ShellScript, node: ShNode): boolean {
  const target = node.children.find((c) => c.field === 'destination');
  if (!target) return false;
  const text = textOf(script, target);
  return text === '/dev/null' || /^\d$/.test(text);
}
