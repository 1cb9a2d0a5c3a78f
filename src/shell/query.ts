/**
 * Questions transforms ask about a RUN's shell: which commands run, with what arguments and flags,
 * joined by which operators, in what context (top level, inside an `if`, a loop, a subshell).
 * Transforms use these instead of regular expressions over raw text.
 */
import { findAll, textOf, type ShNode, type ShellScript } from './script.js';

export interface Word {
  readonly node: ShNode;
  /** The word as written, quotes included. */
  readonly text: string;
  /** The literal value when it is static (quotes removed); null when it expands at run time. */
  readonly value: string | null;
  readonly start: number;
  readonly end: number;
}

export interface SimpleCommand {
  /** The tree-sitter `command` node. */
  node: ShNode;
  /** The statement that carries it: the command itself, or its `redirected_statement`. */
  statement: ShNode;
  /** Literal name of the command that really runs, after `sudo`/`env` wrappers; null if dynamic. */
  name: string | null;
  nameWord: Word | null;
  /** Words after the name. */
  args: Word[];
  /** `VAR=value` prefixes, and `env VAR=value` / `sudo` words that were looked through. */
  prefixes: ShNode[];
  wrappers: Word[];
}

export type Operator = '&&' | '||' | ';' | '&' | '\n';

export interface ChainItem {
  /** A top-level statement: command, pipeline, subshell, if, loop... */
  node: ShNode;
  /** How it is joined to the previous item; null for the first. */
  op: Operator | null;
}

const COMMAND_TYPES = new Set(['command']);
/** Node types whose commands run in a child process: nothing they change survives. */
const SUBSHELL_TYPES = new Set(['subshell', 'command_substitution', 'process_substitution']);
const CONDITIONAL_TYPES = new Set([
  'if_statement',
  'case_statement',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
  'function_definition',
]);

const commandCache = new WeakMap<ShellScript, SimpleCommand[]>();

/** Every simple command in the script, in source order, at any depth (computed once per script). */
export function commandsOf(script: ShellScript): SimpleCommand[] {
  let commands = commandCache.get(script);
  if (!commands) {
    commands = findAll(script.root, COMMAND_TYPES).map((node) => simpleCommand(script, node));
    commandCache.set(script, commands);
  }
  return commands;
}

/** Commands whose (unwrapped) name is one of `names`. */
export function findCommands(script: ShellScript, ...names: string[]): SimpleCommand[] {
  const wanted = new Set(names);
  return commandsOf(script).filter((c) => c.name !== null && wanted.has(c.name));
}

export function simpleCommand(script: ShellScript, node: ShNode): SimpleCommand {
  const prefixes: ShNode[] = [];
  const words: Word[] = [];
  for (const child of node.children) {
    if (child.field === 'name') words.push(wordOf(script, child.children[0] ?? child));
    else if (child.field === 'argument') words.push(wordOf(script, child));
    else if (child.type === 'variable_assignment') prefixes.push(child);
  }
  const statement = node.parent?.type === 'redirected_statement' ? node.parent : node;
  const { wrappers, rest } = unwrap(words);
  const nameWord = rest[0] ?? null;
  return {
    node,
    statement,
    name: nameWord?.value ?? null,
    nameWord,
    args: rest.slice(1),
    prefixes,
    wrappers,
  };
}

/** Looks through `sudo [opts]` and `env [opts] [VAR=value...]` to the command that runs. */
function unwrap(words: Word[]): { wrappers: Word[]; rest: Word[] } {
  let i = 0;
  for (;;) {
    const name = words[i]?.value;
    if (name === 'sudo') {
      i++;
      while (words[i]?.value?.startsWith('-')) {
        const opt = words[i].value!;
        i += /^-[ugCDhprtU]$/.test(opt) ? 2 : 1;
      }
    } else if (name === 'env') {
      i++;
      while (
        words[i]?.value != null &&
        (words[i].value!.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].value!))
      ) {
        i += words[i].value === '-u' ? 2 : 1;
      }
    } else {
      break;
    }
  }
  return { wrappers: words.slice(0, i), rest: words.slice(i) };
}

export function wordOf(script: ShellScript, node: ShNode): Word {
  return new ShellWord(script, node);
}

/** A word whose text and literal value are computed on first use: most are never asked. */
class ShellWord implements Word {
  private cachedValue: string | null | undefined;
  readonly start: number;
  readonly end: number;

  constructor(
    private readonly script: ShellScript,
    readonly node: ShNode,
  ) {
    this.start = node.start;
    this.end = node.end;
  }

  get text(): string {
    return textOf(this.script, this.node);
  }

  get value(): string | null {
    if (this.cachedValue === undefined) this.cachedValue = literalValue(this.script, this.node);
    return this.cachedValue;
  }
}

/** The static value of a word, or null when it contains expansions or globs. */
export function literalValue(script: ShellScript, node: ShNode): string | null {
  const text = textOf(script, node);
  switch (node.type) {
    case 'word':
    case 'command_name':
    case 'number':
      if (/[*?[]/.test(text) || text.includes('$') || text.includes('`')) return null;
      return text.replace(/\\\n/g, '').replace(/\\(.)/g, '$1');
    case 'raw_string':
      return text.slice(1, -1);
    case 'string':
      return node.children.every((c) => !c.named || c.type === 'string_content')
        ? text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1')
        : null;
    case 'concatenation': {
      const parts = node.children.map((c) => literalValue(script, c));
      return parts.every((p) => p !== null) ? parts.join('') : null;
    }
    default:
      return null;
  }
}

/**
 * The top-level statements of a script as one flat chain, with the operator joining each to the
 * previous: `a && b; c` gives [a, (&&) b, (;) c].
 */
export function topLevelChain(script: ShellScript): ChainItem[] {
  const items: ChainItem[] = [];
  let pending: Operator | null = null;
  for (const child of script.root.children) {
    if (!child.named) {
      if (child.type === ';' || child.type === '&') pending = child.type;
      continue;
    }
    if (child.type === 'comment') continue;
    const op: Operator | null = items.length === 0 ? null : (pending ?? '\n');
    flattenList(child, op, items);
    pending = null;
  }
  // A trailing `&` backgrounds the last statement: record it so callers can refuse.
  const last = script.root.children.filter((c) => c.type !== 'comment').pop();
  if (last?.type === '&') items.push({ node: last, op: '&' });
  return items;
}

function flattenList(node: ShNode, op: Operator | null, out: ChainItem[]): void {
  if (node.type !== 'list') {
    out.push({ node, op });
    return;
  }
  let nextOp = op;
  for (const child of node.children) {
    if (!child.named) {
      nextOp = child.type as Operator;
      continue;
    }
    flattenList(child, nextOp, out);
  }
}

/** End of the last statement: where text can be appended to the script. */
export function lastStatementEnd(script: ShellScript): number {
  const statements = script.root.children.filter((c) => c.named && c.type !== 'comment');
  return statements.length ? statements[statements.length - 1].end : script.start;
}

/** Whether the command runs in a child process (subshell, `$(...)`, a multi-command pipeline). */
export function runsInSubshell(node: ShNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (SUBSHELL_TYPES.has(p.type)) return true;
    if (p.type === 'pipeline') return true;
  }
  return false;
}

/** Whether the command's standard input is a pipe from an earlier command (`yes | cmd`). */
export function isPipedInto(node: ShNode): boolean {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'pipeline') return p.children.find((c) => c.named) !== child;
  }
  return false;
}

/** Whether the command sits in an `if`/`case`/loop/function body rather than running unconditionally. */
export function isNestedInControl(node: ShNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (CONDITIONAL_TYPES.has(p.type)) return true;
  return false;
}

/** The first non-option argument (the subcommand of `apt-get install`, `pip install`...). */
export function subcommandOf(
  cmd: SimpleCommand,
  optionsWithValue: ReadonlySet<string> = new Set(),
): Word | null {
  for (let i = 0; i < cmd.args.length; i++) {
    const value = cmd.args[i].value;
    if (value === null) return null;
    if (!value.startsWith('-')) return cmd.args[i];
    if (optionsWithValue.has(value)) i++;
  }
  return null;
}

/**
 * Whether an option is present: `long` names match `--name` and `--name=value`; `short` letters
 * match alone (`-y`) or inside a cluster of short options (`-qy`).
 */
export function hasOption(cmd: SimpleCommand, short: string[], long: string[]): boolean {
  return cmd.args.some((word) => {
    const value = word.value;
    if (!value || !value.startsWith('-')) return false;
    if (value.startsWith('--'))
      return long.some((l) => value === `--${l}` || value.startsWith(`--${l}=`));
    return short.some((s) => value.slice(1).includes(s) && /^-[a-zA-Z]+$/.test(value));
  });
}
