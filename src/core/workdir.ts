/**
 * The working directory each instruction runs in, as far as the Dockerfile shows it: the base
 * image's WORKDIR (when the image is known), changed by every WORKDIR of the stage. A relative
 * WORKDIR is relative to the one before it, and Docker cleans the result (`filepath.Join`).
 *
 * A directory is only known when it is an absolute path without variables: `WORKDIR /app/$X`
 * expands `$X` when it runs, and a later `ENV X=...` does not change it, so the text alone no
 * longer says where the stage is.
 */
import { posix } from 'node:path';
import { baseImageFacts } from './base-image.js';
import { argsText, type DockerfileModel, type InstructionNode, type Stage } from './model.js';

export interface WorkdirMap {
  /** The directory in effect when the instruction runs (before it, for a WORKDIR); null if unknown. */
  before(node: InstructionNode): string | null;
  /** The directory in effect at the end of a stage. */
  atEnd(stage: Stage): string | null;
}

export function workdirsOf(model: DockerfileModel): WorkdirMap {
  const before = new Map<InstructionNode, string | null>();
  const atEnd = new Map<Stage, string | null>();
  for (const stage of model.stages) {
    let dir = stage.parent
      ? (atEnd.get(stage.parent) ?? null)
      : baseImageFacts(stage.image ?? '').workdir;
    for (const node of stage.instructions) {
      before.set(node, dir);
      if (node.keyword === 'WORKDIR') dir = resolveWorkdir(dir, workdirValue(model, node));
    }
    atEnd.set(stage, dir);
  }
  return {
    before: (node) => before.get(node) ?? null,
    atEnd: (stage) => atEnd.get(stage) ?? null,
  };
}

/**
 * The literal path a WORKDIR names (one pair of plain surrounding quotes removed), or null when
 * the text needs more of Docker's word processing to be understood (escapes, inner quotes) or
 * spans several lines.
 */
export function workdirValue(model: DockerfileModel, node: InstructionNode): string | null {
  const raw = argsText(model, node).trim();
  const quoted = /^"([^"\\$]*)"$/.exec(raw) ?? /^'([^'\\$]*)'$/.exec(raw);
  const value = quoted ? quoted[1] : raw;
  if (!value || /["'\\\n]/.test(value)) return null;
  return value;
}

/** The directory after `WORKDIR <value>` when the one before is `current`; null if unknown. */
export function resolveWorkdir(current: string | null, value: string | null): string | null {
  if (value === null || value.includes('$')) return null;
  if (value.startsWith('/')) return cleanPath(value);
  return current === null ? null : cleanPath(`${current}/${value}`);
}

/** `filepath.Clean` for absolute POSIX paths: no `.`/`..` segments, no doubled or trailing `/`. */
export function cleanPath(path: string): string {
  const clean = posix.normalize(path).replace(/\/+/g, '/');
  return clean.length > 1 && clean.endsWith('/') ? clean.slice(0, -1) : clean;
}
