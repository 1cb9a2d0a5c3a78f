/**
 * COPY and ADD, read as Docker reads them: sources and destination with their offsets, whether
 * the sources come from the build context, and which of them are plain paths a tool can reason
 * about (no variables, quotes, escapes or URLs).
 */
import type { DockerfileModel, FlagNode, InstructionNode, Span } from './model.js';

export interface CopyArg extends Span {
  /** The argument as written. */
  text: string;
}

export interface CopySpec {
  node: InstructionNode;
  sources: CopyArg[];
  dest: CopyArg;
  /** `--from=<stage|image>`; null when the sources come from the build context. */
  from: string | null;
  flags: FlagNode[];
  /** Sources and destination, from the first source to the end of the destination. */
  args: Span;
}

/**
 * The sources and destination of a shell-form COPY/ADD; null for other instructions, the JSON
 * form, heredocs (`COPY <<EOF`), and a COPY without both a source and a destination.
 */
export function copySpec(model: DockerfileModel, node: InstructionNode): CopySpec | null {
  if (node.keyword !== 'COPY' && node.keyword !== 'ADD') return null;
  if (node.json || !node.args) return null;
  const argsText = model.text.slice(node.args.start, node.args.end);
  if (argsText.includes('<<')) return null;
  const args = node.ast.getArguments().map((a) => {
    const range = a.getRange();
    const start = model.lines.offsetAt(range.start.line, range.start.character);
    const end = model.lines.offsetAt(range.end.line, range.end.character);
    return { start, end, text: model.text.slice(start, end) };
  });
  if (args.length < 2) return null;
  const from = node.flags.find((f) => f.name === 'from');
  return {
    node,
    sources: args.slice(0, -1),
    dest: args[args.length - 1],
    from: from ? (from.value ?? '') : null,
    flags: node.flags,
    args: { start: args[0].start, end: args[args.length - 1].end },
  };
}

/** A remote source of ADD (URL or git), which does not come from the build context. */
export function isRemoteSource(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^git@/.test(text);
}

/** A path with nothing to expand: no variables, quotes, escapes. Globs are allowed. */
export function isPlainPath(text: string): boolean {
  return !/[$"'`\\]/.test(text) && text.length > 0;
}

export function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}
