/** How an instruction is laid out in the file, so that new text matches the author's style. */
import type { Edit } from './edits.js';
import type { DockerfileModel, InstructionNode } from './model.js';

/** The leading whitespace of an instruction's first continuation line that carries text. */
export function continuationIndent(model: DockerfileModel, node: InstructionNode): string | null {
  for (let line = node.firstLine + 1; line <= node.lastLine; line++) {
    const text = model.lines.lineText(line);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    return text.slice(0, text.length - trimmed.length);
  }
  return null;
}

/**
 * The edit that removes an instruction together with its line break, so that no blank line is
 * left where it was. Text before it on its first line (indentation) goes too; a file that does
 * not end in a line break loses the break before the instruction instead.
 */
export function removeInstructionLines(model: DockerfileModel, node: InstructionNode): Edit {
  const start = model.lines.lineStart(node.firstLine);
  const end = model.lines.lineEnd(node.lastLine);
  if (end < model.text.length) return { start, end: end + 1, text: '' };
  return { start: Math.max(0, start - 1), end, text: '' };
}

/** A keyword to insert, cased like an existing instruction's (`run` → `workdir`). */
export function keywordCasedAs(node: InstructionNode, keyword: string): string {
  const written = node.keywordText;
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

/** The leading whitespace of the line an instruction starts on. */
export function indentOf(model: DockerfileModel, node: InstructionNode): string {
  const line = model.lines.lineText(node.firstLine);
  return line.slice(0, line.length - line.trimStart().length);
}
