/** Adding flags (`--mount=...`) to a RUN, one per continuation line, in the author's indentation. */
import type { Edit } from './edits.js';
import { continuationIndent } from './layout.js';
import type { DockerfileModel, InstructionNode } from './model.js';

/**
 * Inserts the flags after the RUN's existing ones, each followed by a line continuation, so the
 * command keeps its own line: `RUN --mount=a \` / `    --mount=b \` / `    apt-get ...`.
 */
export function insertRunFlags(
  model: DockerfileModel,
  node: InstructionNode,
  flags: readonly string[],
): Edit | null {
  if (!node.args || flags.length === 0) return null;
  const indent = continuationIndent(model, node) ?? '    ';
  const text = flags.map((flag) => `${flag} ${model.escapeChar}\n${indent}`).join('');
  return { start: node.args.start, end: node.args.start, text };
}
