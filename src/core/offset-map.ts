/**
 * Offsets through a chain of edits: findings are reported against the input text, though later
 * passes see the text earlier passes made.
 */
import type { DockerfileModel, InstructionNode } from './model.js';
import type { Edit } from './edits.js';
import type { Proposed } from './fix-selection.js';

export type OffsetMap = (offset: number) => number;

export function locateFinding(
  p: Proposed,
  toOriginal: OffsetMap,
  originalLines: DockerfileModel['lines'],
) {
  const nodes = Array.isArray(p.report.node) ? p.report.node : [p.report.node as InstructionNode];
  const range = p.report.range ?? {
    start: Math.min(...nodes.map((n) => n.start)),
    end: Math.max(...nodes.map((n) => n.end)),
  };
  const start = toOriginal(range.start);
  const end = Math.max(start, toOriginal(range.end));
  const line = originalLines.lineAt(start);
  const endLine = originalLines.lineAt(end);
  return {
    transform: p.transform.meta.id,
    message: p.report.message,
    start,
    end,
    line: line + 1,
    column: start - originalLines.lineStart(line) + 1,
    endLine: endLine + 1,
    endColumn: end - originalLines.lineStart(endLine) + 1,
    ...(p.report.estimate ? { estimate: p.report.estimate } : {}),
    ...(p.report.question ? { question: p.report.question } : {}),
  };
}

/** Maps an offset in the text after `edits` back to the text before them. */
export function mapBackThrough(edits: readonly Edit[]): OffsetMap {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return (offset) => {
    let delta = 0;
    for (const edit of sorted) {
      const newStart = edit.start + delta;
      if (offset < newStart) break;
      const newEnd = newStart + edit.text.length;
      if (offset < newEnd) return edit.start;
      delta += edit.text.length - (edit.end - edit.start);
    }
    return offset - delta;
  };
}

export function compose(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  return (offset) => outer(inner(offset));
}
