/**
 * Facts about a stage's instructions that the working-directory and environment helpers
 * (workdir.ts, env.ts) do not give: the USER at the end of a stage (following its parents), the
 * plain arguments of COPY/ADD and of exec-form CMD/ENTRYPOINT, and paths made absolute against a
 * known working directory. Values that depend on variables are unknown (null), never guessed.
 */
import { posix } from 'node:path';
import { baseImageFacts } from './base-image.js';
import { rootImageOf } from './images.js';
import type { InstructionNode, Stage } from './model.js';
import { lineageOf } from './stages.js';

/** The instructions of the stage and its parents, oldest first (of the stage: before `until`). */
function lineage(stage: Stage, until: InstructionNode | null = null): InstructionNode[] {
  const all = lineageOf(stage)
    .reverse()
    .flatMap((s) => s.instructions);
  return until ? all.filter((n) => n.stage !== stage || n.index < until.index) : all;
}

/**
 * The USER in effect before `until` (or at the end of the stage), as written; null when none is
 * set.
 */
export function userAt(stage: Stage, until: InstructionNode | null = null): string | null {
  let user: string | null = null;
  for (const node of lineage(stage, until))
    if (node.keyword === 'USER') user = node.ast.getArgumentsContent()?.trim() ?? null;
  return user;
}

/**
 * Who runs an instruction of the stage: 'root', 'other' (a USER that is not root), or null when
 * that cannot be told (a USER with variables, or no USER and a base image whose user is not known).
 * A command that needs root may only be added where this is 'root', or under the same `sudo` as
 * the command it follows.
 */
export function userKindAt(stage: Stage, until: InstructionNode | null): 'root' | 'other' | null {
  const user = userAt(stage, until);
  if (user === null) return baseImageFacts(rootImageOf(stage)).defaultUser;
  if (user.includes('$')) return null;
  return /^(root|0)(:.*)?$/.test(user) ? 'root' : 'other';
}

export interface CopySpec {
  node: InstructionNode;
  /** `--from` value, when given. */
  from: string | null;
  sources: string[];
  dest: string;
  /** Flags other than --from (`--chown`, `--chmod`, `--link`…), as written. */
  otherFlags: string[];
}

/** Sources and destination of a COPY/ADD; null for heredocs or unreadable forms. */
export function copySpec(node: InstructionNode): CopySpec | null {
  if (node.keyword !== 'COPY' && node.keyword !== 'ADD') return null;
  if (node.heredoc) return null;
  let words: string[];
  if (node.json) {
    if (!node.jsonArgv) return null;
    words = node.jsonArgv;
  } else {
    words = node.ast.getArguments().map((a) => a.getValue());
  }
  if (words.length < 2 || node.ast.getArgumentsContent()?.includes('<<')) return null;
  return {
    node,
    from: node.flags.find((f) => f.name === 'from')?.value ?? null,
    sources: words.slice(0, -1),
    dest: words[words.length - 1],
    otherFlags: node.flags.filter((f) => f.name !== 'from').map((f) => f.text),
  };
}

/** The argv of an exec-form CMD/ENTRYPOINT; null for the shell form. */
export function execArgv(node: InstructionNode): string[] | null {
  return node.jsonArgv;
}

/** The last instruction of a keyword in the stage (not following parents). */
export function lastOf(stage: Stage, keyword: string): InstructionNode | null {
  let found: InstructionNode | null = null;
  for (const node of stage.instructions) if (node.keyword === keyword) found = node;
  return found;
}

/**
 * A path as the instruction sees it: relative ones against the working directory (from
 * `workdirsOf`), a trailing / kept (it marks a directory for COPY); null when the path is
 * relative and the working directory is not known.
 */
export function absolutePath(path: string, workdir: string | null): string | null {
  if (!path.startsWith('/') && workdir === null) return null;
  const resolved = posix.resolve(workdir ?? '/', path);
  return path.endsWith('/') && resolved !== '/' ? `${resolved}/` : resolved;
}
