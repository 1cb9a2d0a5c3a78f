/**
 * What a stage's configuration is at a given instruction: working directory, ENV values, USER,
 * following `FROM <earlier stage>` back to its parents; and the plain arguments of COPY/ADD and
 * of exec-form CMD/ENTRYPOINT. Values that depend on variables are reported as unknown (null),
 * never guessed.
 */
import { posix } from 'node:path';
import { Env, JSONInstruction } from 'dockerfile-ast';
import type { InstructionNode, Stage } from './model.js';

/** The stage and its parents, oldest first, with the instructions of each up to `until`. */
function lineage(stage: Stage, until: InstructionNode | null): InstructionNode[] {
  const chain: Stage[] = [];
  for (let s: Stage | null = stage; s; s = s.parent) chain.unshift(s);
  const out: InstructionNode[] = [];
  for (const s of chain) {
    for (const node of s.instructions) {
      if (s === stage && until && node.index >= until.index) return out;
      out.push(node);
    }
  }
  return out;
}

/**
 * The working directory in effect before `until` (or at the end of the stage), as an absolute
 * path; '/' when no WORKDIR is set in the Dockerfile (the base image may set one: `unknownBase`).
 * Null when a WORKDIR uses a variable.
 */
export function workdirAt(
  stage: Stage,
  until: InstructionNode | null = null,
): { path: string; fromBase: boolean } | null {
  let path = '/';
  let fromBase = true;
  for (const node of lineage(stage, until)) {
    if (node.keyword !== 'WORKDIR') continue;
    const arg = node.ast.getArgumentsContent()?.trim() ?? '';
    if (!arg || arg.includes('$')) return null;
    const unquoted = arg.replace(/^"(.*)"$/, '$1');
    path = posix.resolve(path, unquoted);
    fromBase = false;
  }
  return { path, fromBase };
}

/** The value an ENV sets for `name` before `until`, undefined when never set, null when unknown. */
export function envAt(
  stage: Stage,
  name: string,
  until: InstructionNode | null = null,
): string | null | undefined {
  let value: string | null | undefined = undefined;
  for (const node of lineage(stage, until)) {
    if (node.keyword !== 'ENV' || !(node.ast instanceof Env)) continue;
    for (const property of node.ast.getProperties()) {
      if (property.getName() !== name) continue;
      const v = property.getValue();
      value = v === null || v.includes('$') ? null : v;
    }
  }
  return value;
}

/** The USER in effect at the end of the stage (as written), or null when none is set. */
export function userAt(stage: Stage): string | null {
  let user: string | null = null;
  for (const node of lineage(stage, null))
    if (node.keyword === 'USER') user = node.ast.getArgumentsContent()?.trim() ?? null;
  return user;
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
  if (node.json && node.ast instanceof JSONInstruction) {
    words = node.ast.getJSONStrings().map((s) => s.getJSONValue());
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
  if (!node.json || !(node.ast instanceof JSONInstruction)) return null;
  return node.ast.getJSONStrings().map((s) => s.getJSONValue());
}

/** The last instruction of a keyword in the stage (not following parents). */
export function lastOf(stage: Stage, keyword: string): InstructionNode | null {
  let found: InstructionNode | null = null;
  for (const node of stage.instructions) if (node.keyword === keyword) found = node;
  return found;
}

/** `dest` of a COPY resolved the way Docker does: relative to WORKDIR; a trailing / is a dir. */
export function resolveDest(dest: string, workdir: string): string {
  const resolved = posix.resolve(workdir, dest);
  return dest.endsWith('/') ? `${resolved}/` : resolved;
}
