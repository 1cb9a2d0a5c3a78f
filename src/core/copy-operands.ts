/**
 * The operands of COPY/ADD: sources and destination. Values that expand variables, use quotes or
 * JSON form are flagged `static: false`, so callers can refuse them.
 */
import { argsText, type DockerfileModel, type InstructionNode } from './model.js';

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

export interface CopyArguments {
  sources: string[];
  destination: string;
  /** `--from=<stage|image>`: the sources are not in the build context. */
  from: string | null;
}

/**
 * Sources and destination as Docker reads them, in shell form or JSON form (`COPY ["a b", "/d/"]`):
 * JSON strings decoded, a shell-form word's surrounding quotes removed, variables left as written.
 * Null for heredoc sources, broken JSON, or fewer than two operands.
 */
export function copyArguments(model: DockerfileModel, node: InstructionNode): CopyArguments | null {
  const text = argsText(model, node);
  if (/^<<|\s<</.test(text)) return null;
  let words: string[] | null;
  if (node.json) {
    try {
      const parsed: unknown = JSON.parse(text);
      words =
        Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')
          ? (parsed as string[])
          : null;
    } catch {
      words = null;
    }
  } else {
    words = node.ast.getArguments().map((a) => a.getValue().replace(/^(["'])(.*)\1$/, '$2'));
  }
  if (!words || words.length < 2) return null;
  return {
    sources: words.slice(0, -1),
    destination: words[words.length - 1],
    from: node.flags.find((f) => f.name === 'from')?.value ?? null,
  };
}
