/**
 * Pipelines whose meaning changes under pipefail in a way the build does not expect: the exit
 * status of an earlier command, ignored until now, starts to count. That is the point of
 * pipefail, except where a non-zero status is normal:
 *   - `yes | cmd`, `cmd | head`, `cmd | grep -q …`: the reader stops early, the writer dies of
 *     SIGPIPE (status 141), and the pipeline fails though nothing went wrong;
 *   - `grep …`, `diff`, `cmp` before a pipe: "no match"/"differs" is status 1, an answer, not an error.
 */
import { findAll, type ShNode, type ShellScript } from '../../src/shell/script.js';
import { hasOption, simpleCommand, type SimpleCommand } from '../../src/shell/query.js';

const ANSWERS_WITH_STATUS = new Set([
  'grep',
  'egrep',
  'fgrep',
  'zgrep',
  'diff',
  'cmp',
  'test',
  '[',
]);

/** The first pipeline in the script that pipefail would break, described; null if none. */
export function pipefailTrap(script: ShellScript): string | null {
  for (const pipeline of findAll(script.root, 'pipeline')) {
    const stages = pipeline.children.filter((c) => c.named).map((c) => commandOf(script, c));
    for (let i = 0; i < stages.length; i++) {
      const cmd = stages[i];
      const last = i === stages.length - 1;
      if (!cmd) return 'a pipe with a compound command, whose status cannot be judged here';
      if (cmd.name === null) return 'a pipe with a command whose name is not known until it runs';
      if (!last && cmd.name === 'yes')
        return '`yes | …` ends with SIGPIPE, which pipefail turns into a failure';
      if (!last && ANSWERS_WITH_STATUS.has(cmd.name))
        return `\`${cmd.name}\` before a pipe returns 1 as an answer, which pipefail turns into a failure`;
      if (i > 0 && stopsReadingEarly(cmd))
        return `\`${cmd.name}\` stops reading early, so the command before it may die of SIGPIPE`;
    }
  }
  return null;
}

export function hasPipe(script: ShellScript): boolean {
  return findAll(script.root, 'pipeline').length > 0;
}

function stopsReadingEarly(cmd: SimpleCommand): boolean {
  if (cmd.name === 'head') return true;
  if (cmd.name === 'grep' || cmd.name === 'egrep' || cmd.name === 'fgrep')
    return hasOption(cmd, ['q', 'm', 'l'], ['quiet', 'silent', 'max-count', 'files-with-matches']);
  return false;
}

/** The simple command a pipeline element runs (through a redirection), or null for compounds. */
function commandOf(script: ShellScript, node: ShNode): SimpleCommand | null {
  let n = node;
  if (n.type === 'redirected_statement') n = n.children.find((c) => c.named) ?? n;
  return n.type === 'command' ? simpleCommand(script, n) : null;
}
