/**
 * Whether a piece of shell text is "one simple command and nothing a shell has to do": the
 * question behind turning `CMD python app.py` into `CMD ["python", "app.py"]`. Without a shell,
 * nothing expands variables, globs, `~` or braces, nothing redirects, chains or backgrounds, and
 * shell builtins do not exist; so the words must be literal, and the command a program.
 */
import { literalValue, simpleCommand } from './query.js';
import { textOf, type ShNode, type ShellScript } from './script.js';

/** Builtins and keywords of sh/bash: without a shell there is no such program (or a different one). */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set([
  '.',
  ':',
  '[',
  '[[',
  'alias',
  'bg',
  'bind',
  'break',
  'builtin',
  'caller',
  'cd',
  'command',
  'compgen',
  'complete',
  'continue',
  'declare',
  'dirs',
  'disown',
  'echo',
  'enable',
  'eval',
  'exec',
  'exit',
  'export',
  'false',
  'fc',
  'fg',
  'getopts',
  'hash',
  'help',
  'history',
  'jobs',
  'kill',
  'let',
  'local',
  'logout',
  'mapfile',
  'popd',
  'printf',
  'pushd',
  'pwd',
  'read',
  'readarray',
  'readonly',
  'return',
  'set',
  'shift',
  'shopt',
  'source',
  'suspend',
  'test',
  'time',
  'times',
  'trap',
  'true',
  'type',
  'typeset',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'wait',
]);

export type StaticArgv =
  | {
      ok: true;
      argv: string[];
      /** `exec` in front was dropped: exec form already execs. */ droppedExec: boolean;
    }
  | { ok: false; reason: string };

/** Node types a literal word may be made of. */
const LITERAL_PARTS = new Set(['word', 'raw_string', 'string', 'concatenation', 'number']);

export function staticArgv(script: ShellScript): StaticArgv {
  if (script.comment) return refuse('it has a shell comment, which the JSON form cannot keep');
  const statements = script.root.children.filter((c) => c.named);
  if (statements.length !== 1) return refuse('it is more than one command');
  if (script.root.children.some((c) => c.type === '&'))
    return refuse('it runs the command in the background (`&`)');
  const statement = statements[0];
  if (statement.type === 'redirected_statement') return refuse('it redirects input or output');
  if (statement.type !== 'command') return refuse(`it uses shell syntax (${describe(statement)})`);
  const cmd = simpleCommand(script, statement);
  if (cmd.prefixes.length > 0)
    return refuse('it sets a variable for the command (`VAR=value cmd`)');
  const words: ShNode[] = [];
  for (const child of statement.children) {
    if (child.field === 'name') words.push(child.children[0] ?? child);
    else if (child.field === 'argument') words.push(child);
    else if (child.named) return refuse(`it uses shell syntax (${describe(child)})`);
  }
  const argv: string[] = [];
  for (const word of words) {
    const problem = wordProblem(script, word);
    if (problem) return refuse(problem);
    argv.push(literalValue(script, word)!);
  }
  let droppedExec = false;
  if (argv[0] === 'exec' && argv.length > 1 && !argv[1].startsWith('-')) {
    argv.shift();
    droppedExec = true;
  }
  if (argv.length === 0 || argv[0] === '') return refuse('it has no command');
  if (SHELL_BUILTINS.has(argv[0]))
    return refuse(`\`${argv[0]}\` is a shell builtin, not a program`);
  return { ok: true, argv, droppedExec };
}

/** Why a word needs a shell to mean what it says, or null when it is a plain literal. */
function wordProblem(script: ShellScript, word: ShNode): string | null {
  const text = textOf(script, word);
  if (!LITERAL_PARTS.has(word.type) || literalValue(script, word) === null) {
    if (/\$|`/.test(text))
      return `\`${text}\` expands a variable or command when the shell runs it`;
    if (/[*?[]/.test(text)) return `\`${text}\` is a glob pattern the shell expands`;
    return `\`${text}\` needs the shell to be read`;
  }
  if (text.includes('\n')) return `\`${text}\` spans lines`;
  for (const part of unquotedParts(word)) {
    const raw = textOf(script, part);
    if ((raw.startsWith('~') && part.start === word.start) || /[=:]~/.test(raw))
      return `\`${text}\` has a \`~\` the shell may expand to a home directory`;
    if (/[{}]/.test(raw)) return `\`${text}\` has braces, which bash expands`;
  }
  return null;
}

/** The unquoted `word` pieces of a word (quoted strings are literal already). */
function unquotedParts(word: ShNode): ShNode[] {
  if (word.type === 'word' || word.type === 'number') return [word];
  if (word.type === 'concatenation') return word.children.filter((c) => c.type === 'word');
  return [];
}

function describe(node: ShNode): string {
  const names: Record<string, string> = {
    list: '`&&`, `||` or `;`',
    pipeline: 'a pipe',
    subshell: 'a subshell',
    compound_statement: 'a `{ ... }` group',
    if_statement: '`if`',
    for_statement: 'a loop',
    while_statement: 'a loop',
    case_statement: '`case`',
    function_definition: 'a function',
    variable_assignment: 'a variable assignment',
    negated_command: '`!`',
    test_command: 'a test',
    herestring_redirect: 'a here-string',
    file_redirect: 'a redirection',
  };
  return names[node.type] ?? node.type.replace(/_/g, ' ');
}

function refuse(reason: string): StaticArgv {
  return { ok: false, reason };
}
