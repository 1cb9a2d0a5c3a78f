/**
 * Where instructions put files: the operands of COPY/ADD, and the working directory in effect at an
 * instruction. Values that expand variables or use JSON form are returned as written, with
 * `static: false`, so callers can refuse them.
 */
import { posix } from 'node:path';
import { argsText, type DockerfileModel, type InstructionNode, type Stage } from './model.js';

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

/**
 * The absolute working directory at an instruction of a stage, following WORKDIR instructions
 * (and the stage's parent stage); null when it depends on the base image or on variables.
 */
export function workdirAt(model: DockerfileModel, stage: Stage, index: number): string | null {
  let cwd: string | null = stage.parent ? workdirAt(model, stage.parent, Infinity) : null;
  for (const node of stage.instructions) {
    if (node.index >= index) break;
    if (node.keyword !== 'WORKDIR') continue;
    const value = argsText(model, node).trim();
    if (!value || /[$"'`\\]/.test(value)) {
      cwd = null;
      continue;
    }
    if (value.startsWith('/')) cwd = posix.normalize(value);
    else cwd = cwd === null ? null : posix.join(cwd, value);
  }
  return cwd === null ? null : cwd.replace(/(.)\/+$/, '$1');
}
