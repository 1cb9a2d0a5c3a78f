/**
 * Taking commands out of a RUN without changing how the rest of it runs or fails.
 *
 * A top-level statement is removed together with one operator that joins it: `a && X && b` →
 * `a && b`, `a; X; b` → `a; b`, `X && a` → `a`. Which operator goes is chosen so that the
 * remaining statements keep their conditions: in `a; X && b`, `b` ran whenever X succeeded, so the
 * result is `a; b`, not `a && b`. Consecutive statements are removed as one run. Statements joined
 * by `||` or `&` are refused (removing one would change which commands run), as is removing every
 * statement. Comment lines inside the removed range go with it: they sit between the previous
 * statement and the removed one, and a comment left at the end of a continued RUN would swallow
 * the next line.
 */
import { leavesLineContinued, type Edit } from '../edits.js';
import { topLevelChain, type SimpleCommand, type Word } from '../../shell/query.js';
import type { ShNode, ShellScript } from '../../shell/script.js';

export type Removal = { ok: true; edits: Edit[] } | { ok: false; reason: string };

/** Removes the top-level statements that carry these commands (the command or its redirections). */
export function removeCommands(script: ShellScript, commands: readonly SimpleCommand[]): Removal {
  return removeStatements(
    script,
    commands.map((c) => c.statement),
  );
}

export function removeStatements(script: ShellScript, statements: readonly ShNode[]): Removal {
  const chain = topLevelChain(script);
  const doomed = new Set<number>();
  for (const statement of statements) {
    const at = chain.findIndex((item) => item.node === statement);
    if (at === -1)
      return {
        ok: false,
        reason: 'it is not a top-level command (it sits in a condition, loop or group)',
      };
    doomed.add(at);
  }
  if (doomed.size === 0) return { ok: true, edits: [] };
  if (doomed.size === chain.length)
    return { ok: false, reason: 'nothing of the RUN would be left' };
  if (chain.some((item) => item.op === '&'))
    return { ok: false, reason: 'the RUN runs a command in the background' };
  const edits: Edit[] = [];
  for (let first = 0; first < chain.length; first++) {
    if (!doomed.has(first)) continue;
    let last = first;
    while (doomed.has(last + 1)) last++;
    const ops = chain.slice(first, last + 2).map((item) => item.op);
    if (ops.includes('||'))
      return { ok: false, reason: 'it is joined by `||`, so removing it would change what runs' };
    const before = chain[first].op;
    const after = chain[last + 1]?.op ?? null;
    const next = chain[last + 1]?.node;
    if (next && (first === 0 || (after === '&&' && before !== '&&'))) {
      edits.push({ start: chain[first].node.start, end: next.start, text: '' });
    } else {
      const start = chain[first - 1].node.end;
      const end = chain[last].node.end;
      // `echo a\ && X` → `echo a\ `: a line ending in an escape (and blanks) joins the next
      // line to the RUN in Docker's reading, swallowing the instruction after it.
      if (deletionContinuesLine(script.source, start, end))
        return { ok: false, reason: ESCAPED_BLANK_BEFORE };
      edits.push({ start, end, text: '' });
    }
    first = last;
  }
  return { ok: true, edits };
}

/** Removes one argument word with the blanks (and a line continuation) before it. */
export function removeWord(script: ShellScript, word: Word): Edit {
  let start = word.start;
  const skipBlanks = () => {
    while (start > 0 && /[ \t]/.test(script.source[start - 1])) start--;
  };
  skipBlanks();
  // A word on its own continuation line: take the line break and escape before it too.
  const continued = /[\\`][ \t]*\n[ \t]*$/.exec(
    script.source.slice(Math.max(0, start - 80), start),
  );
  if (continued) {
    start -= continued[0].length;
    skipBlanks();
  }
  return { start, end: word.end, text: '' };
}

export const ESCAPED_BLANK_BEFORE =
  'the command before it ends in an escaped blank, which would then end the line and continue it onto the next';

/**
 * Deleting [start, end) would leave a line ending in an escape (and blanks) where it ended in a
 * command: `echo a\ && X` → `echo a\ `. Docker reads such a line as continued, so the next line
 * (the next instruction) would become part of the RUN.
 */
export function deletionContinuesLine(source: string, start: number, end: number): boolean {
  // The Dockerfile's escape character is not known here: either one counts.
  const edit = { start, end, text: '' };
  return leavesLineContinued(source, edit, '\\') || leavesLineContinued(source, edit, '`');
}
