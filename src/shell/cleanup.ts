/**
 * Cleanup commands: what a command that only deletes things deletes. A RUN made of nothing but
 * such commands can be moved into an earlier RUN (fold-cleanup) when nothing in between depends on
 * what it deletes; these effects are what that proof works from.
 */
import { aptCommands } from './apt.js';
import { pathTarget, type PathTarget } from './paths.js';
import { findAll, textOf, type ShNode, type ShellScript } from './script.js';
import { commandsOf, type SimpleCommand } from './query.js';

export type Manager = 'apt';

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
 * The effects of a RUN that only cleans up (`rm`, `apt-get clean|purge|autoremove`, possibly with
 * `|| true` and redirections to /dev/null), or null when it does anything else.
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
        return {
          cmd,
          paths: [pathTarget('/var/cache/apt/archives/*')],
          packages: null,
          manager: 'apt',
          envSensitive: true,
        };
      case 'purge':
      case 'remove':
      case 'autoremove':
        return {
          cmd,
          paths: [],
          packages: apt.packages.map((w) => w.value ?? w.text),
          manager: 'apt',
          envSensitive: true,
        };
    }
  }
  return null;
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
