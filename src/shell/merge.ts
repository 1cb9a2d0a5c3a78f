/**
 * Joining two consecutive RUN instructions into one, without changing what the build does.
 *
 * Two separate RUNs each start a fresh shell in WORKDIR and stop the build when their command
 * fails. The joined RUN is `<earlier> && <later>`, which keeps both properties when:
 *   - the later RUN is a single `&&` chain (a `||`, `;` or newline at its top level would let it run
 *     after the earlier part failed), or it is wrapped in `{ ...; }` to make it one;
 *   - the earlier RUN leaves no shell state behind (`cd`, `export`, `set`, functions...), or only a
 *     working directory that the later RUN resets with an absolute `cd` first, or it is wrapped in
 *     a subshell `( ... )` so its state cannot leak;
 *   - errexit (`set -e`, or a SHELL with -e) is not in play in the earlier RUN in a way the join
 *     would switch off: bash and dash ignore -e for everything on the left of `&&`, including
 *     inside subshells and compound commands there;
 *   - both have the same flags (`--mount`, `--network`, `--security`), no heredoc, no exec form,
 *     a POSIX shell, and the earlier one has no shell comment (it would swallow what follows).
 * Comment lines between the two move into the continuation (Docker strips them there).
 *
 * With `acrossInstructions`, the two RUNs need not be adjacent: the later one is moved to the end
 * of the earlier one. The caller must have proven that the instructions in between neither depend
 * on nor affect what the later RUN does (fold-cleanup does this for cleanup-only RUNs).
 */
import type { Edit } from '../core/edits.js';
import { commentBlockAbove, continuationIndent, deletionOfLines } from '../core/layout.js';
import type { DockerfileModel, InstructionNode } from '../core/model.js';
import { lastStatementEnd, simpleCommand, topLevelChain } from './query.js';
import type { ShellResult, ShellScript } from './script.js';
import { enablesErrexit, ERREXIT_NEUTRAL, stateLeaks } from './state.js';

export type MergePlan =
  { ok: true; edits: Edit[]; notes: string[] } | { ok: false; reason: string };

export interface MergeOptions {
  /** Contain an earlier RUN's shell state in `( ... )` instead of refusing. Default true. */
  wrapLeaks?: boolean;
  /**
   * Allow instructions between the two RUNs: the later RUN (with the comment lines directly above
   * it) is moved to the end of the earlier one. Only for callers that have proven that nothing in
   * between depends on what the later RUN does, and that the later RUN does not depend on them.
   */
  acrossInstructions?: boolean;
}

export function planRunMerge(
  model: DockerfileModel,
  earlier: InstructionNode,
  later: InstructionNode,
  shellOf: (node: InstructionNode) => ShellResult,
  options: MergeOptions = {},
): MergePlan {
  if (earlier.keyword !== 'RUN' || later.keyword !== 'RUN')
    return refuse('not two RUN instructions');
  if (earlier.stage !== later.stage || later.index <= earlier.index)
    return refuse('not in order in one stage');
  const adjacent = later.index === earlier.index + 1;
  if (!adjacent && !options.acrossInstructions) return refuse('not consecutive in one stage');
  const flagsA = earlier.flags
    .map((f) => f.text)
    .sort()
    .join(' ');
  const flagsB = later.flags
    .map((f) => f.text)
    .sort()
    .join(' ');
  if (flagsA !== flagsB)
    return refuse(`different RUN flags (${flagsA || 'none'} vs ${flagsB || 'none'})`);
  const a = shellOf(earlier);
  if (!a.script) return refuse(`the earlier RUN: ${a.reason}`);
  const b = shellOf(later);
  if (!b.script) return refuse(`the later RUN: ${b.reason}`);
  const first = a.script;
  const second = b.script;
  if (first.comment)
    return refuse(
      'the earlier RUN ends in a shell comment, which would swallow the joined command',
    );
  const chainA = topLevelChain(first);
  const chainB = topLevelChain(second);
  if (chainA.some((i) => i.op === '&') || chainB.some((i) => i.op === '&'))
    return refuse('a command runs in the background (`&`)');
  if (chainA.length === 0 || chainB.length === 0) return refuse('an empty RUN');
  const endA = lastStatementEnd(first);
  if (!/^[\s;\\]*$/.test(model.text.slice(endA, first.end).replace(/^[ \t]*#.*$/gm, ''))) {
    return refuse('the earlier RUN has trailing text after its last command');
  }

  const notes: string[] = [];
  const wrapB = chainB.some((i) => i.op !== null && i.op !== '&&');
  if (wrapB) {
    if (second.comment)
      return refuse('the later RUN would need braces but ends in a shell comment');
    notes.push('grouped the later RUN in { } because it uses || / ; / newlines at its top level');
  }

  const leaks = stateLeaks(first);
  let wrapA = false;
  if (leaks.length > 0) {
    const resetsCwd = startsWithAbsoluteCd(second);
    if (leaks.every((l) => l.kind === 'cwd') && resetsCwd) {
      notes.push(
        `the earlier \`${leaks[0].what}\` is harmless: the later RUN starts with an absolute cd`,
      );
    } else if (options.wrapLeaks ?? true) {
      wrapA = true;
      notes.push(`wrapped the earlier RUN in ( ) so that \`${leaks[0].what}\` does not leak`);
    } else {
      return refuse(
        `the earlier RUN changes shell state (\`${leaks[0].what}\`) that would leak into the next command`,
      );
    }
  }

  if (enablesErrexit(first)) {
    return refuse(
      'the earlier RUN relies on `set -e`, which the shell ignores on the left of && (the join would let failures through)',
    );
  }
  if (first.errexit && (wrapA || chainA.some((i) => !ERREXIT_NEUTRAL.has(i.node.type)))) {
    return refuse(
      'the SHELL runs with -e and the earlier RUN would end up in a compound command on the left of &&, where -e is ignored',
    );
  }

  const esc = model.escapeChar;
  const indent = continuationIndent(model, earlier) ?? continuationIndent(model, later) ?? '    ';
  const commentsIn = (start: number, end: number) =>
    model.comments
      .filter((c) => c.start >= start && c.start < end)
      .map((c) => `${indent}${model.text.slice(c.start, model.lines.lineEnd(c.line)).trimEnd()}\n`)
      .join('');
  const edits: Edit[] = [];
  // `((` would open an arithmetic expression: keep a space between two opening parentheses.
  if (wrapA)
    edits.push({
      start: first.start,
      end: first.start,
      text: model.text[first.start] === '(' ? '( ' : '(',
    });
  const endB = lastStatementEnd(second);
  if (adjacent) {
    const joint = `${wrapA ? ')' : ''} && ${esc}\n${commentsIn(endA, second.start)}${indent}${wrapB ? '{ ' : ''}`;
    edits.push({ start: endA, end: second.start, text: joint });
    if (wrapB) edits.push({ start: endB, end: endB, text: '; }' });
    return { ok: true, edits, notes };
  }
  // Move the later RUN: its text (and the comment block above it) goes to the end of the earlier
  // one, and its lines are deleted where they were.
  const block = commentBlockAbove(model, later);
  const moved =
    model.text.slice(second.start, endB) + (wrapB ? '; }' : '') + model.text.slice(endB, later.end);
  const joint =
    `${wrapA ? ')' : ''} && ${esc}\n${commentsIn(endA, earlier.end)}` +
    `${commentsIn(block, later.start)}${indent}${wrapB ? '{ ' : ''}${moved}`;
  edits.push({ start: endA, end: earlier.end, text: joint });
  edits.push(deletionOfLines(model, block, later));
  notes.push(`moved from line ${later.firstLine + 1}`);
  return { ok: true, edits, notes };
}

function refuse(reason: string): MergePlan {
  return { ok: false, reason };
}

/** The first command is `cd /literal/absolute/path`, run unconditionally. */
function startsWithAbsoluteCd(script: ShellScript): boolean {
  const head = topLevelChain(script)[0]?.node;
  if (head?.type !== 'command') return false;
  const cmd = simpleCommand(script, head);
  const target = cmd.args[0]?.value;
  return (
    cmd.name === 'cd' &&
    cmd.wrappers.length === 0 &&
    cmd.args.length === 1 &&
    !!target &&
    target.startsWith('/')
  );
}
