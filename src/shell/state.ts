/**
 * Shell state that a RUN leaves behind in its shell process. Separate RUNs each get a fresh shell,
 * so anything listed here would leak into the next command if two RUNs were joined into one.
 */
import { findAll, textOf, type ShNode, type ShellScript } from './script.js';
import { runsInSubshell, simpleCommand, type SimpleCommand } from './query.js';

/** Statements whose failure behaviour under -e does not change on the left of `&&`. */
export const ERREXIT_NEUTRAL: ReadonlySet<string> = new Set([
  'command',
  'pipeline',
  'redirected_statement',
  'negated_command',
  'variable_assignment',
  'variable_assignments',
  'declaration_command',
]);

export interface StateLeak {
  node: ShNode;
  /** What leaks, for the report: `cd /src`, `export PATH=...`, `function f`. */
  what: string;
  /** `cd`/`pushd`/`popd` only change the working directory: a later absolute `cd` neutralises them. */
  kind: 'cwd' | 'other';
}

/** Builtins that change the state of the shell they run in. */
const STATEFUL_BUILTINS = new Map<string, StateLeak['kind']>([
  ['cd', 'cwd'],
  ['pushd', 'cwd'],
  ['popd', 'cwd'],
  ['export', 'other'],
  ['unset', 'other'],
  ['set', 'other'],
  ['shopt', 'other'],
  ['source', 'other'],
  ['.', 'other'],
  ['umask', 'other'],
  ['ulimit', 'other'],
  ['trap', 'other'],
  ['exec', 'other'],
  ['exit', 'other'],
  ['return', 'other'],
  ['alias', 'other'],
  ['unalias', 'other'],
  ['eval', 'other'],
  ['read', 'other'],
  ['readarray', 'other'],
  ['mapfile', 'other'],
  ['shift', 'other'],
  ['getopts', 'other'],
  ['hash', 'other'],
  ['enable', 'other'],
  ['declare', 'other'],
  ['typeset', 'other'],
  ['local', 'other'],
  ['readonly', 'other'],
]);

/** Statements that set shell variables or functions (a `for` loop leaves its variable set). */
const STATEMENT_LEAKS = new Set([
  'declaration_command',
  'unset_command',
  'function_definition',
  'variable_assignment',
  'variable_assignments',
  'for_statement',
  'c_style_for_statement',
]);

export function stateLeaks(script: ShellScript): StateLeak[] {
  const leaks: StateLeak[] = [];
  for (const node of findAll(script.root, new Set(['command', ...STATEMENT_LEAKS]))) {
    if (runsInSubshell(node)) continue;
    if (node.type === 'command') {
      const cmd = simpleCommand(script, node);
      const kind = cmd.name === null ? null : STATEFUL_BUILTINS.get(cmd.name);
      if (kind && cmd.wrappers.length === 0 && !onlyTraces(cmd))
        leaks.push({ node, what: textOf(script, node), kind });
      else if (cmd.name === 'printf' && cmd.args.some((a) => a.value === '-v')) {
        leaks.push({ node, what: textOf(script, node), kind: 'other' });
      }
      continue;
    }
    // A `VAR=value` prefix of a command only lives for that command: not a leak.
    if (node.type === 'variable_assignment' && node.parent?.type === 'command') continue;
    if (node.parent && STATEMENT_LEAKS.has(node.parent.type)) continue;
    leaks.push({ node, what: firstLine(textOf(script, node)), kind: 'other' });
  }
  return leaks;
}

/** `set -x` / `set +x` / `set -v` only change what is echoed to stderr, not what runs. */
function onlyTraces(cmd: SimpleCommand): boolean {
  return (
    cmd.name === 'set' &&
    cmd.args.length > 0 &&
    cmd.args.every((a) => /^[-+][xv]+$/.test(a.value ?? ''))
  );
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/**
 * The script turns on errexit itself (`set -e`, `set -eux`, `set -o errexit`). Joined RUNs put the
 * earlier script on the left of `&&`, where bash and dash ignore -e entirely, even when it is set
 * inside a subshell or function there: such a script cannot be joined without changing behaviour.
 */
export function enablesErrexit(script: ShellScript): boolean {
  return findAll(script.root, 'command').some((node) => {
    const cmd = simpleCommand(script, node);
    if (cmd.name !== 'set') return false;
    return cmd.args.some(
      (a, i) =>
        /^-[a-zA-Z]*e[a-zA-Z]*$/.test(a.value ?? '') ||
        (a.value === '-o' && cmd.args[i + 1]?.value === 'errexit'),
    );
  });
}
