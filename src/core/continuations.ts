/**
 * A second opinion on where instructions end. dockerfile-ast and BuildKit do not always agree on
 * line continuations: dockerfile-ast (0.7) skips the character after `<escape><blanks>`, so a line
 * ending in `\ \` ends the instruction for it, while BuildKit (whose rule is only "the line ends in
 * the escape character plus blanks") continues it. Rewriting a file the model misreads would change
 * what Docker builds (two RUNs merged that Docker reads as one, text dropped between them), so the
 * engine leaves such a file alone; this module finds the first line where the two disagree.
 *
 * BuildKit's rule (frontend/dockerfile/parser/parser.go): a line continues when it matches
 * `<escape>[ \t]*$`; inside a continuation, comment lines and empty lines are dropped.
 */
import { Util } from 'dockerfile-ast/lib/util.js';
import type { DockerfileModel, InstructionNode } from './model.js';

/** The first 0-based line where the model's end of an instruction is not BuildKit's, or null. */
export function continuationMismatch(model: DockerfileModel): number | null {
  const esc = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const continues = new RegExp(`${esc}[ \\t]*$`);
  for (const node of model.instructions) {
    // Heredoc bodies (RUN, COPY, ADD, also under ONBUILD) follow their own rule in both parsers.
    if (hasHeredoc(node)) continue;
    const last = buildkitLastLine(model, node.firstLine, continues);
    const own = lastContentLine(model, node.firstLine, node.lastLine);
    if (last !== own) return Math.min(last, own);
  }
  return null;
}

/** An argument that opens a heredoc, as dockerfile-ast decides it (`<<EOF`, `<<-"EOF"`, not `<<<`). */
function hasHeredoc(node: InstructionNode): boolean {
  if (!/^(RUN|COPY|ADD|ONBUILD)$/.test(node.keyword)) return false;
  return node.ast.getArguments().some((a) => {
    const value = a.getValue();
    return value.length > 2 && value.startsWith('<<') && Util.parseHeredocName(value) !== null;
  });
}

/**
 * The last line of the instruction starting at `first`, as BuildKit reads it: the first line that
 * does not continue, or, when the file ends in a continuation, the last line that is neither empty
 * nor a comment (both are dropped inside a continuation).
 */
function buildkitLastLine(model: DockerfileModel, first: number, continues: RegExp): number {
  const lines = model.lines;
  if (!continues.test(lines.lineText(first))) return first;
  let last = first;
  for (let line = first + 1; line < lines.lineCount; line++) {
    if (isDropped(lines.lineText(line))) continue;
    last = line;
    if (!continues.test(lines.lineText(line))) break;
  }
  return last;
}

/** The last line of [first, last] that is neither empty nor a comment (or `first`). */
function lastContentLine(model: DockerfileModel, first: number, last: number): number {
  for (let line = last; line > first; line--)
    if (!isDropped(model.lines.lineText(line))) return line;
  return first;
}

function isDropped(line: string): boolean {
  const text = line.trimStart();
  return text === '' || text.startsWith('#');
}
