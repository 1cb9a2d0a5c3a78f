/**
 * Checks shared by the package-manager hygiene transforms before they append a cleanup command
 * (`npm cache clean --force`, `conda clean -afy`, `yum clean all`...) at the end of a RUN: the
 * cleanup must find the same tool, the same user and the same cache directory the install used,
 * and nothing later may still need the cache.
 */
import type { DockerfileModel, InstructionNode, Stage } from '../core/model.js';
import { findAll, textOf, type ShNode, type ShellScript } from '../shell/script.js';
import type { Edit } from '../core/edits.js';
import { appendCommand } from '../core/run/extend.js';
import { commandsOf, simpleCommand, type SimpleCommand } from '../shell/query.js';

/** Parents that make a command run only sometimes (a `for` loop over words is not one of them). */
const CONDITIONAL_PARENTS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'case_statement',
  'case_item',
  'while_statement',
  'function_definition',
]);

/**
 * Whether the command runs only under a condition: inside `if`/`case`/`while`/`until`/a function,
 * or on the right of `||`. A cleanup appended at the end of the RUN would then run even when the
 * install did not, possibly where the tool does not exist (`if command -v npm; then ...`).
 */
export function runsConditionally(cmd: SimpleCommand): boolean {
  for (let child: ShNode = cmd.statement, p = child.parent; p; child = p, p = p.parent) {
    if (CONDITIONAL_PARENTS.has(p.type)) return true;
    if (p.type === 'list') {
      const index = p.children.indexOf(child);
      const op = p.children
        .slice(0, index)
        .reverse()
        .find((c) => !c.named);
      if (op?.type === '||') return true;
    }
  }
  return false;
}

const PROBES = new Set(['command', 'which', 'type', 'hash']);

/** The RUN checks whether a tool exists (`command -v npm`, `which npm`): it may not. */
export function probesFor(script: ShellScript, tools: readonly string[]): boolean {
  return commandsOf(script).some(
    (c) =>
      c.name !== null &&
      PROBES.has(c.name) &&
      c.args.some((a) => a.value !== null && tools.includes(a.value)),
  );
}

/** Subcommands that remove packages, per package manager. */
const REMOVERS: Record<string, ReadonlySet<string>> = {
  apk: new Set(['del']),
  'apt-get': new Set(['remove', 'purge']),
  apt: new Set(['remove', 'purge']),
  yum: new Set(['remove', 'erase']),
  dnf: new Set(['remove', 'erase']),
  microdnf: new Set(['remove']),
  zypper: new Set(['remove', 'rm']),
  npm: new Set(['uninstall', 'remove', 'rm', 'r', 'un', 'unlink']),
  pip: new Set(['uninstall']),
  pip3: new Set(['uninstall']),
  gem: new Set(['uninstall']),
  conda: new Set(['remove', 'uninstall']),
};

/**
 * A command after `offset` that removes one of `packages` (by package name, or `rm` of a path
 * ending in one of them): a cleanup appended at the end of the RUN would no longer find its tool.
 */
export function removedAfter(
  script: ShellScript,
  offset: number,
  packages: readonly string[],
): SimpleCommand | null {
  const wanted = new Set(packages);
  const packageName = (value: string) => value.split(/[=<>~:@]/)[0];
  for (const c of commandsOf(script)) {
    if (c.node.start < offset || c.name === null) continue;
    const args = c.args.map((a) => a.value);
    if (c.name === 'rm') {
      if (args.some((a) => a !== null && wanted.has(a.replace(/\/+$/, '').split('/').pop()!)))
        return c;
      continue;
    }
    const subs = REMOVERS[c.name];
    const sub = args.find((a) => a !== null && !a.startsWith('-'));
    if (!subs || !sub || !subs.has(sub)) continue;
    if (args.some((a) => a !== null && !a.startsWith('-') && wanted.has(packageName(a)))) return c;
  }
  return null;
}

/**
 * The first variable among `names` that the script itself sets (`export X=...`, `X=...`,
 * `unset X`, `declare`), outside of `VAR=value cmd` prefixes; null when none is.
 */
export function scriptSetsVariable(script: ShellScript, names: readonly string[]): string | null {
  const wanted = new Set(names);
  for (const node of findAll(script.root, new Set(['variable_assignment', 'command']))) {
    if (node.type === 'variable_assignment') {
      if (node.parent?.type === 'command') continue;
      const name = textOf(script, node).split('=')[0];
      if (wanted.has(name)) return name;
      continue;
    }
    const cmd = simpleCommand(script, node);
    if (cmd.name !== 'unset' && cmd.name !== 'export') continue;
    for (const arg of cmd.args) {
      const name = (arg.value ?? '').split('=')[0];
      if (wanted.has(name)) return name;
    }
  }
  return null;
}

/** A `VAR=value` prefix (or `env VAR=value` wrapper) of the command that sets one of `names`. */
export function commandSetsVariable(
  script: ShellScript,
  cmd: SimpleCommand,
  names: readonly string[],
): string | null {
  const assigned = [
    ...cmd.prefixes.map((p) => textOf(script, p)),
    ...cmd.wrappers.map((w) => w.value ?? ''),
  ].map((text) => text.split('=')[0]);
  return assigned.find((name) => names.includes(name)) ?? null;
}

export type RootPrefix = { prefix: string } | { reason: string };

/**
 * How a command that needs root (a cache removal under /var, a `mkdir -p` under /usr) must run
 * next to `commands`, package-manager commands that need root themselves (apt-get install, apk
 * add): under the `sudo` they run under; bare when one of them always runs bare (a build where it
 * succeeds runs as root); bare when none does but the stage is known to run as root. Otherwise a
 * reason: the user may not be root (`userKind`: from the USER in effect or the base image, null
 * when unknown), or the commands mix wrappers.
 */
export function rootPrefixFor(
  commands: readonly SimpleCommand[],
  tool: string,
  userKind: 'root' | 'other' | null,
): RootPrefix {
  if (commands.some((c) => userPrefix(c) === '' && !runsConditionally(c))) return { prefix: '' };
  const prefixes = new Set(commands.map(userPrefix));
  if (prefixes.has(null))
    return { reason: `${tool} runs under a \`sudo\` with words that change at run time` };
  if (prefixes.size > 1) return { reason: `${tool} runs under different \`sudo\` wrappers` };
  const [prefix] = prefixes as Set<string>;
  if (prefix !== undefined && commands.some((c) => !runsConditionally(c))) return { prefix };
  // Root anyway, and `sudo` may not even exist where the commands did not run.
  if (userKind === 'root') return { prefix: '' };
  return {
    reason:
      userKind === 'other'
        ? 'the RUN runs as a USER that is not root'
        : 'the RUN may not run as root (the base image may set its own user)',
  };
}

/**
 * How to run a follow-up command as the same user as `cmd`, with the same environment: '' for no
 * wrapper, the `sudo [opts]` words as written, or null when the wrappers cannot be repeated
 * faithfully (`env`, dynamic words).
 */
export function sameUserPrefix(cmd: SimpleCommand): string | null {
  if (cmd.wrappers.some((w) => w.value === 'env')) return null;
  return userPrefix(cmd);
}

/**
 * How to run a follow-up command as the same user as `cmd` (its environment aside): '' when it
 * runs as the shell's user (no wrapper, or only `env`), the `sudo [opts]` words as written, or
 * null when they cannot be repeated (dynamic words).
 */
export function userPrefix(cmd: SimpleCommand): string | null {
  if (cmd.wrappers.length === 0 || cmd.wrappers[0].value === 'env') return '';
  if (cmd.wrappers[0].value !== 'sudo') return null;
  const envAt = cmd.wrappers.findIndex((w) => w.value === 'env');
  const sudo = envAt === -1 ? cmd.wrappers : cmd.wrappers.slice(0, envAt);
  if (sudo.some((w) => w.value === null)) return null;
  return `${sudo.map((w) => w.text).join(' ')} `;
}

/**
 * How to call the tool again: its name as written when it is a plain name or an absolute path;
 * null for a relative path (a `cd` in between would change what it points to) or a dynamic name.
 */
export function toolInvocation(cmd: SimpleCommand): string | null {
  const word = cmd.nameWord;
  if (!word || word.value === null) return null;
  if (word.value.includes('/') && !word.value.startsWith('/')) return null;
  return word.text;
}

/** Instructions after `node` in its stage, then those of every stage built FROM it, in order. */
export function laterInstructions(
  model: DockerfileModel,
  node: InstructionNode,
): InstructionNode[] {
  const stage = node.stage;
  if (!stage) return [];
  return [
    ...stage.instructions.filter((i) => i.index > node.index),
    ...model.stages.filter((s) => descendsFrom(s, stage)).flatMap((s) => s.instructions),
  ];
}

function descendsFrom(stage: Stage, ancestor: Stage): boolean {
  for (let p = stage.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * A `COPY --from=<this stage or one built from it>` whose source mentions `fragment` (a cache
 * directory): emptying that cache would make the COPY fail.
 */
export function copiedElsewhere(
  model: DockerfileModel,
  node: InstructionNode,
  fragments: readonly string[],
): InstructionNode | null {
  const stage = node.stage;
  if (!stage) return null;
  const family = model.stages.filter((s) => s === stage || descendsFrom(s, stage));
  const names = new Set(
    family.flatMap((s) => [String(s.index), ...(s.name ? [s.name.toLowerCase()] : [])]),
  );
  for (const copy of model.instructions) {
    if (copy.keyword !== 'COPY' && copy.keyword !== 'ADD') continue;
    const from = copy.flags.find((f) => f.name === 'from')?.value?.toLowerCase();
    if (!from || !names.has(from)) continue;
    const text = copy.args ? model.text.slice(copy.args.start, copy.args.end) : '';
    if (fragments.some((f) => text.includes(f))) return copy;
  }
  return null;
}

/** The first line of an instruction, shortened, to name it in a message. */
export function instructionSnippet(model: DockerfileModel, node: InstructionNode): string {
  const text = model.text.slice(node.start, node.end).split('\n')[0];
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

export type CleanupPlan = { ok: true; edit: Edit; command: string } | { ok: false; reason: string };

export interface CleanupRequest {
  /** The commands whose cache the cleanup empties, in source order. */
  installs: readonly SimpleCommand[];
  /**
   * The cleanup commands as they should run, without a user wrapper (`npm cache clean --force`);
   * each gets the installs' `sudo` wrapper, and they are joined with `&&`.
   */
  commands: readonly string[];
  /** Tool names, for `command -v <tool>` probes. */
  tools: readonly string[];
  /** Packages whose removal later in the RUN takes the tool away. */
  packages: readonly string[];
  /** Variables that move the cache or the tool (HOME, PATH, npm_config_cache...). */
  variables: readonly string[];
}

/**
 * Appends a cleanup at the end of a RUN (`appendCommand`), after checking that it will run as the
 * same user, find the same tool and empty the same cache as the installs it follows. The installs
 * must run unconditionally: a cleanup after a conditional install could run where the tool is
 * missing.
 */
export function planCleanup(
  model: DockerfileModel,
  node: InstructionNode,
  script: ShellScript,
  request: CleanupRequest,
): CleanupPlan {
  const { installs } = request;
  if (installs.length === 0) return { ok: false, reason: 'nothing installs here' };
  const conditional = installs.find((c) => runsConditionally(c));
  if (conditional)
    return {
      ok: false,
      reason: `\`${firstLineOf(script, conditional)}\` runs only under a condition, so the tool may be missing at the end of the RUN`,
    };
  if (probesFor(script, request.tools))
    return { ok: false, reason: 'the RUN checks whether the tool exists, so it may not' };
  const last = installs[installs.length - 1];
  const removal = removedAfter(script, last.node.end, request.packages);
  if (removal)
    return {
      ok: false,
      reason: `\`${firstLineOf(script, removal)}\` removes the tool before the end of the RUN`,
    };
  const variable =
    scriptSetsVariable(script, request.variables) ??
    installs.map((c) => commandSetsVariable(script, c, request.variables)).find(Boolean) ??
    null;
  if (variable)
    return {
      ok: false,
      reason: `the RUN sets ${variable}, so the cleanup might not find the same tool or cache`,
    };
  const prefixes = new Set(installs.map(sameUserPrefix));
  if (prefixes.size !== 1 || prefixes.has(null))
    return {
      ok: false,
      reason: 'the installs run as different or unknown users (sudo/env wrappers)',
    };
  const prefix = [...prefixes][0] ?? '';
  const command = request.commands.map((c) => `${prefix}${c}`).join(' && ');
  const append = appendCommand(model, node, script, command);
  return append.ok ? { ...append, command } : append;
}

function firstLineOf(script: ShellScript, cmd: SimpleCommand): string {
  const text = textOf(script, cmd.node)
    .split('\n')[0]
    .replace(/\s*\\$/, '');
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
