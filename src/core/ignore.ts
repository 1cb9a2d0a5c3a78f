/**
 * Ignore comments, in dockopt's own spelling and hadolint's:
 *   # dockopt ignore-file                 the whole file is left alone
 *   # dockopt ignore=collapse-run,apt-hygiene   (or `# dockopt ignore` for every transform)
 *   # hadolint ignore=DL3059              for transforms that declare they answer DL3059
 *   # hadolint global ignore=DL3059       the same, for the whole file
 * An instruction-level comment applies when it is in the block of comment lines directly above
 * the instruction (no blank line between).
 */
import type { DockerfileModel } from './model.js';
import type { TransformMeta } from './transform.js';

export interface Ignores {
  file: boolean;
  /** hadolint codes ignored for the whole file. */
  globalCodes: Set<string>;
  /** Per instruction index: ids/codes ignored, or 'all'. */
  byInstruction: Map<number, Set<string> | 'all'>;
}

const DOCKOPT = /^dockopt\s+ignore(?:\s*=\s*([\w\s,-]*))?\s*$/i;
const DOCKOPT_FILE = /^dockopt\s+ignore-file\b/i;
const HADOLINT = /^hadolint\s+ignore\s*=\s*([\w\s,]+)/i;
const HADOLINT_GLOBAL = /^hadolint\s+global\s+ignore\s*=\s*([\w\s,]+)/i;

export function collectIgnores(model: DockerfileModel): Ignores {
  const ignores: Ignores = { file: false, globalCodes: new Set(), byInstruction: new Map() };
  const byLine = new Map<number, string>();
  for (const comment of model.comments) {
    // `ignore-file` counts anywhere, even as a comment line inside a continued instruction.
    if (DOCKOPT_FILE.test(comment.content)) ignores.file = true;
    if (comment.insideInstruction) continue;
    const global = HADOLINT_GLOBAL.exec(comment.content);
    if (global) for (const code of splitList(global[1])) ignores.globalCodes.add(code);
    byLine.set(comment.line, comment.content);
  }
  for (const node of model.instructions) {
    for (let line = node.firstLine - 1; byLine.has(line); line--) {
      const content = byLine.get(line)!;
      const own = DOCKOPT.exec(content);
      const hadolint = HADOLINT.exec(content);
      if (own && own[1] === undefined) ignores.byInstruction.set(node.index, 'all');
      const ids =
        own?.[1] !== undefined
          ? splitList(own[1])
          : hadolint && !HADOLINT_GLOBAL.test(content)
            ? splitList(hadolint[1])
            : [];
      if (ids.length === 0) continue;
      const current = ignores.byInstruction.get(node.index);
      if (current === 'all') continue;
      const set = current ?? new Set<string>();
      for (const id of ids) set.add(id);
      ignores.byInstruction.set(node.index, set);
    }
  }
  return ignores;
}

export function isIgnored(
  ignores: Ignores,
  meta: TransformMeta,
  instructionIndex: number,
): boolean {
  if ((meta.hadolint ?? []).some((code) => ignores.globalCodes.has(code.toLowerCase())))
    return true;
  const entry = ignores.byInstruction.get(instructionIndex);
  if (!entry) return false;
  if (entry === 'all') return true;
  return (
    entry.has(meta.id.toLowerCase()) ||
    (meta.hadolint ?? []).some((code) => entry.has(code.toLowerCase()))
  );
}

function splitList(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
