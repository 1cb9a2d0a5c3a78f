/**
 * The sources and destination of a COPY or ADD, in shell form (`COPY a b /dst/`) or JSON form
 * (`COPY ["a b", "/dst/"]`), as written (variables unexpanded; surrounding quotes of a shell-form
 * word removed).
 */
import { argsText, type DockerfileModel, type InstructionNode } from './model.js';

export interface CopyArguments {
  sources: string[];
  destination: string;
  /** `--from=<stage|image>`: the sources are not in the build context. */
  from: string | null;
}

export function copyArguments(model: DockerfileModel, node: InstructionNode): CopyArguments | null {
  const text = argsText(model, node);
  if (/^<<|\s<</.test(text)) return null; // heredoc sources
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
