/**
 * Adding a command at the end or the start of a RUN without changing how the RUN fails.
 *
 * Appending `&& X` keeps the exit status (the RUN still fails when it failed before; X runs only
 * after success) except in three cases, which are refused: a trailing shell comment would swallow
 * X; a trailing `&` would background X with the rest; and under errexit (`set -e`, or a SHELL
 * with -e) a compound last statement (`if`, loop, `{ }`, subshell) would end up on the left of `&&`,
 * where the shell ignores -e inside it.
 * Prepending `X && ` is only done when the RUN is a single `&&` chain, so that a failing X cannot
 * let later statements run anyway.
 */
import type { Edit } from '../edits.js';
import type { DockerfileModel, InstructionNode } from '../model.js';
import { continuationIndent } from '../layout.js';
import { commandsOf, lastStatementEnd, runsInSubshell, topLevelChain } from '../../shell/query.js';
import { textOf, type ShNode, type ShellScript } from '../../shell/script.js';
import { enablesErrexit, ERREXIT_NEUTRAL } from '../../shell/state.js';

export type Extension = { ok: true; edit: Edit } | { ok: false; reason: string };

/** `<last statement> && <command>`; on its own continuation line when the RUN spans lines. */
export function appendCommand(
  model: DockerfileModel,
  node: InstructionNode,
  script: ShellScript,
  command: string,
): Extension {
  if (script.comment)
    return { ok: false, reason: 'the RUN ends in a shell comment, so nothing can be appended' };
  const chain = topLevelChain(script);
  if (chain.length === 0) return { ok: false, reason: 'the RUN has no command' };
  if (chain.some((i) => i.op === '&'))
    return { ok: false, reason: 'the RUN runs a command in the background (`&`)' };
  const ender = shellEnder(script);
  if (ender)
    return {
      ok: false,
      reason: `the RUN ends its shell with \`${textOf(script, ender).split('\n')[0]}\`, so a command appended after it would never run`,
    };
  const last = chain[chain.length - 1].node;
  if ((script.errexit || enablesErrexit(script)) && !ERREXIT_NEUTRAL.has(last.type)) {
    return {
      ok: false,
      reason:
        'the RUN relies on -e and ends in a compound command, where -e would be ignored before `&&`',
    };
  }
  const at = lastStatementEnd(script);
  const multiline = node.firstLine !== node.lastLine;
  const indent = continuationIndent(model, node) ?? '    ';
  const text = multiline ? ` && ${model.escapeChar}\n${indent}${command}` : ` && ${command}`;
  return { ok: true, edit: { start: at, end: at, text } };
}

/**
 * An `exit`, or an `exec` that runs a program, in the RUN's own shell (not a subshell): the shell
 * ends there, whatever comes after it. `exec 2>/dev/null` only redirects, and goes on.
 */
function shellEnder(script: ShellScript): ShNode | null {
  const ender = commandsOf(script).find(
    (c) =>
      (c.name === 'exit' || (c.name === 'exec' && c.args.length > 0)) &&
      c.wrappers.length === 0 &&
      !runsInSubshell(c.node),
  );
  return ender?.node ?? null;
}

/** `<command> && <script>`, for a RUN that is a single `&&` chain. */
export function prependCommand(script: ShellScript, command: string): Extension {
  const chain = topLevelChain(script);
  if (chain.length === 0) return { ok: false, reason: 'the RUN has no command' };
  if (chain.some((i) => i.op !== null && i.op !== '&&')) {
    return {
      ok: false,
      reason: 'the RUN is not a single && chain, so a command cannot be put in front safely',
    };
  }
  return { ok: true, edit: { start: script.start, end: script.start, text: `${command} && ` } };
}
