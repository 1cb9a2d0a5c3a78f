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
  return deletionOfLines(model, model.lines.lineStart(node.firstLine), node);
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

/** Start of the comment lines directly above an instruction (no blank line between), or its start. */
export function commentBlockAbove(model: DockerfileModel, node: InstructionNode): number {
  let line = node.firstLine;
  const standalone = new Set(model.comments.filter((c) => !c.insideInstruction).map((c) => c.line));
  while (line > 0 && standalone.has(line - 1)) line--;
  return model.lines.lineStart(line);
}

/** Deletes whole lines from `from` (a line start) to the end of the instruction. */
export function deletionOfLines(model: DockerfileModel, from: number, node: InstructionNode): Edit {
  const next = node.lastLine + 1;
  if (next < model.lines.lineCount)
    return { start: from, end: model.lines.lineStart(next), text: '' };
  // The last line of a file without a final newline: take the line break before it instead, and
  // the blank lines above it, or the file would end in the line break of a blank line.
  let above = model.lines.lineAt(from) - 1;
  while (above >= 0 && model.lines.lineText(above).trim() === '') above--;
  return { start: above >= 0 ? model.lines.lineEnd(above) : 0, end: model.text.length, text: '' };
}
