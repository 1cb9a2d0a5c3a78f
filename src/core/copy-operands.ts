/**
 * The operands of COPY/ADD: sources and destination. Values that expand variables, use quotes or
 * JSON form are flagged `static: false`, so callers can refuse them.
 */
import type { InstructionNode } from './model.js';

export interface CopyOperands {
  sources: string[];
  dest: string;
  /** No variables, quotes or JSON form: the words are the paths. */
  static: boolean;
}

/** Sources and destination of a COPY or ADD, or null when it has fewer than two operands. */
export function copyOperands(node: InstructionNode): CopyOperands | null {
  if (node.keyword !== 'COPY' && node.keyword !== 'ADD') return null;
  const words = node.json ? [] : node.ast.getArguments().map((a) => a.getValue());
  if (node.json || words.length < 2) {
    return node.json ? { sources: [], dest: '', static: false } : null;
  }
  return {
    sources: words.slice(0, -1),
    dest: words[words.length - 1],
    static: words.every((w) => !/[$"'`\\]/.test(w)) && !node.heredoc,
  };
}
