/** How an instruction is laid out in the file, so that new text matches the author's style. */
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
