/**
 * Joining two consecutive RUN instructions into one, without changing what the build does.
 *
 * Two separate RUNs each start a fresh shell in WORKDIR and stop the build when their command
 * fails. The joined RUN is `<earlier> && <later>`, which keeps both properties when:
 *   - the later RUN is a single `&&` chain (a `||`, `;` or newline at its top level would let it run
 *     after the earlier part failed), or it is wrapped in `{ ...; }` to make it one;
 *   - the earlier RUN leaves no shell state behind (`cd`, `export`, `set`, functions...), or only a
 *     working directory that the later RUN resets with an absolute `cd` first, or it is wrapped in
 *     a subshell `( ... )` so its state cannot leak;
 *   - errexit (`set -e`, or a SHELL with -e) is not in play in the earlier RUN in a way the join
 *     would switch off: bash and dash ignore -e for everything on the left of `&&`, including
 *     inside subshells and compound commands there;
 *   - both have the same flags (`--mount`, `--network`, `--security`), no heredoc, no exec form,
 *     a POSIX shell, and the earlier one has no shell comment (it would swallow what follows).
 * Comment lines between the two move into the continuation (Docker strips them there).
 *
 * With `acrossInstructions`, the two RUNs need not be adjacent: the later one is moved to the end
 * of the earlier one. The caller must have proven that the instructions in between neither depend
 * on nor affect what the later RUN does (fold-cleanup does this for cleanup-only RUNs).
 */
import type { Edit } from '../edits.js';
import { commentBlockAbove, continuationIndent, deletionOfLines } from '../layout.js';
import type { DockerfileModel, InstructionNode } from '../model.js';
import { cleanPath, workdirsOf } from '../workdir.js';
import {
  findCommands,
  lastStatementEnd,
  simpleCommand,
  topLevelChain,
  type ChainItem,
} from '../../shell/query.js';
import { textOf, type ShellResult, type ShellScript } from '../../shell/script.js';
import { enablesErrexit, ERREXIT_NEUTRAL, stateLeaks, type StateLeak } from '../../shell/state.js';

export type MergePlan =
  { ok: true; edits: Edit[]; notes: string[] } | { ok: false; reason: string };

export interface MergeOptions {
  /** Contain an earlier RUN's shell state in `( ... )` instead of refusing. Default true. */
  wrapLeaks?: boolean;
  /**
   * Allow instructions between the two RUNs: the later RUN (with the comment lines directly above
   * it) is moved to the end of the earlier one. Only for callers that have proven that nothing in
   * between depends on what the later RUN does, and that the later RUN does not depend on them.
   */
  acrossInstructions?: boolean;
}

export function planRunMerge(
  model: DockerfileModel,
  earlier: InstructionNode,
  later: InstructionNode,
  shellOf: (node: InstructionNode) => ShellResult,
  options: MergeOptions = {},
): MergePlan {
  if (earlier.keyword !== 'RUN' || later.keyword !== 'RUN')
    return refuse('not two RUN instructions');
  if (earlier.stage !== later.stage || later.index <= earlier.index)
    return refuse('not in order in one stage');
  const adjacent = later.index === earlier.index + 1;
  if (!adjacent && !options.acrossInstructions) return refuse('not consecutive in one stage');
  const a = joinPart(earlier, shellOf);
  const b = joinPart(later, shellOf);
  const refusal = refusalBeforeLeaks(model, a, b);
  if (refusal) return refuse(refusal);
  const first = a.script!;
  const second = b.script!;

  const notes: string[] = [];
  const wrapB = b.needsGroup;
  if (wrapB) notes.push(GROUPED_LATER);

  let wrapA = false;
  if (a.leaks.length > 0) {
    if (cwdResetBy(a, b)) {
      notes.push(harmlessCwd(a));
    } else if (options.wrapLeaks ?? true) {
      wrapA = true;
      notes.push(wrappedEarlier(a));
    } else {
      return refuse(leakRefusal(a));
    }
  }
  const after = refusalAfterLeaks(a, wrapA);
  if (after) return refuse(after);

  const esc = model.escapeChar;
  const indent = continuationIndent(model, earlier) ?? continuationIndent(model, later) ?? '    ';
  const edits: Edit[] = [];
  if (wrapA) edits.push({ start: first.start, end: first.start, text: openSubshell(model, first) });
  if (adjacent) {
    const joint = `${wrapA ? ')' : ''} && ${esc}\n${commentsBetween(model, indent, a.end, second.start)}${indent}${wrapB ? '{ ' : ''}`;
    edits.push({ start: a.end, end: second.start, text: joint });
    if (wrapB) edits.push({ start: b.end, end: b.end, text: '; }' });
    return { ok: true, edits, notes };
  }
  // Move the later RUN: its text (and the comment block above it) goes to the end of the earlier
  // one, and its lines are deleted where they were.
  const block = commentBlockAbove(model, later);
  const moved =
    model.text.slice(second.start, b.end) +
    (wrapB ? '; }' : '') +
    model.text.slice(b.end, later.end);
  const joint =
    `${wrapA ? ')' : ''} && ${esc}\n${commentsBetween(model, indent, a.end, earlier.end)}` +
    `${commentsBetween(model, indent, block, later.start)}${indent}${wrapB ? '{ ' : ''}${moved}`;
  edits.push({ start: a.end, end: earlier.end, text: joint });
  edits.push(deletionOfLines(model, block, later));
  notes.push(`moved from line ${later.firstLine + 1}`);
  return { ok: true, edits, notes };
}

/** One RUN as a candidate for a join, analysed once. */
export interface JoinPart {
  node: InstructionNode;
  /** Its flags (`--mount`...), sorted and joined: two RUNs join only with the same set. */
  flags: string;
  /** The parsed shell, or null with `reason` when it is not shell-parsed. */
  script: ShellScript | null;
  reason: string | null;
  chain: ChainItem[];
  /** The end of its last statement: where the joint goes when it is the earlier RUN. */
  end: number;
  leaks: StateLeak[];
  /** A top-level `||`, `;` or newline: as the later RUN it must be grouped in `{ ...; }`. */
  needsGroup: boolean;
  /** It starts with `cd /literal/absolute/path`, run unconditionally. */
  startsWithAbsoluteCd: boolean;
}

export function joinPart(
  node: InstructionNode,
  shellOf: (node: InstructionNode) => ShellResult,
): JoinPart {
  const flags = node.flags
    .map((f) => f.text)
    .sort()
    .join(' ');
  const { script, reason } = shellOf(node);
  if (!script)
    return {
      node,
      flags,
      script: null,
      reason,
      chain: [],
      end: node.end,
      leaks: [],
      needsGroup: false,
      startsWithAbsoluteCd: false,
    };
  const chain = topLevelChain(script);
  return {
    node,
    flags,
    script,
    reason: null,
    chain,
    end: lastStatementEnd(script),
    leaks: stateLeaks(script),
    needsGroup: chain.some((i) => i.op !== null && i.op !== '&&'),
    startsWithAbsoluteCd: startsWithAbsoluteCd(script),
  };
}

/**
 * Why `a && b` cannot be written at all, before any shell state is considered: flags, shell
 * parsing, comments, background jobs, text after the last command. Null when it can.
 */
export function refusalBeforeLeaks(
  model: DockerfileModel,
  a: JoinPart,
  b: JoinPart,
): string | null {
  if (a.flags !== b.flags)
    return `different RUN flags (${a.flags || 'none'} vs ${b.flags || 'none'})`;
  if (!a.script) return `the earlier RUN: ${a.reason}`;
  if (!b.script) return `the later RUN: ${b.reason}`;
  if (a.script.comment)
    return 'the earlier RUN ends in a shell comment, which would swallow the joined command';
  if (a.chain.some((i) => i.op === '&') || b.chain.some((i) => i.op === '&'))
    return 'a command runs in the background (`&`)';
  if (a.chain.length === 0 || b.chain.length === 0) return 'an empty RUN';
  if (!/^[\s;\\]*$/.test(model.text.slice(a.end, a.script.end).replace(/^[ \t]*#.*$/gm, '')))
    return 'the earlier RUN has trailing text after its last command';
  if (b.needsGroup && b.script.comment)
    return 'the later RUN would need braces but ends in a shell comment';
  const removed = removesWorkdir(model, a, b);
  if (removed)
    return `the earlier RUN removes its working directory (\`${removed}\`), where the later RUN would then start`;
  if (escapedComment(model, a.end, b.script.start))
    return `a comment between them holds the escape character \`${model.escapeChar}\`: inside the joined RUN's continuation, dockerfile-ast and tools built on it would read it as an escape`;
  return null;
}

/**
 * An `rm -r` of the later RUN's working directory (or a folder above it) in the earlier RUN: as a
 * RUN of its own the later one starts in that directory made again; joined, it would start in a
 * deleted one. Only literal paths are judged; a later RUN that starts with an absolute `cd` is
 * not affected.
 */
function removesWorkdir(model: DockerfileModel, a: JoinPart, b: JoinPart): string | null {
  if (b.startsWithAbsoluteCd) return null;
  const workdirs = workdirsOf(model);
  const workdir = workdirs.before(b.node);
  const earlierCwd = workdirs.before(a.node);
  if (workdir === null) return null;
  for (const rm of findCommands(a.script!, 'rm')) {
    if (!rm.args.some((w) => /^-[a-zA-Z]*[rR]/.test(w.value ?? '') || w.value === '--recursive'))
      continue;
    for (const word of rm.args) {
      const value = word.value;
      if (value === null || value.startsWith('-')) continue;
      const target = value.startsWith('/') ? value : earlierCwd && `${earlierCwd}/${value}`;
      if (!target) continue;
      const clean = cleanPath(target);
      if (workdir === clean || workdir.startsWith(clean === '/' ? '/' : `${clean}/`))
        return textOf(a.script!, rm.node);
    }
  }
  return null;
}

/** A comment line in [start, end) that contains the escape character. */
function escapedComment(model: DockerfileModel, start: number, end: number): boolean {
  return model.comments.some(
    (c) =>
      c.start >= start &&
      c.start < end &&
      model.text.slice(c.start, c.end).includes(model.escapeChar),
  );
}

/**
 * Why the earlier RUN cannot stand on the left of `&&` (errexit), given whether it is wrapped in
 * a subshell. Null when it can.
 */
export function refusalAfterLeaks(a: JoinPart, wrapped: boolean): string | null {
  const script = a.script!;
  if (enablesErrexit(script))
    return 'the earlier RUN relies on `set -e`, which the shell ignores on the left of && (the join would let failures through)';
  if (script.errexit && (wrapped || !errexitNeutral(a))) return ERREXIT_COMPOUND;
  return null;
}

export const ERREXIT_COMPOUND =
  'the SHELL runs with -e and the earlier RUN would end up in a compound command on the left of &&, where -e is ignored';

export const GROUPED_LATER =
  'grouped the later RUN in { } because it uses || / ; / newlines at its top level';

/** Every top-level statement behaves the same under -e on the left of `&&`. */
export function errexitNeutral(a: JoinPart): boolean {
  return a.chain.every((i) => ERREXIT_NEUTRAL.has(i.node.type));
}

/** The earlier RUN only changes the working directory, and the later one resets it first. */
export function cwdResetBy(a: JoinPart, b: JoinPart): boolean {
  return a.leaks.every((l) => l.kind === 'cwd') && b.startsWithAbsoluteCd;
}

export function harmlessCwd(a: JoinPart): string {
  return `the earlier \`${a.leaks[0].what}\` is harmless: the later RUN starts with an absolute cd`;
}

export function wrappedEarlier(a: JoinPart): string {
  return `wrapped the earlier RUN in ( ) so that \`${a.leaks[0].what}\` does not leak`;
}

export function leakRefusal(a: JoinPart): string {
  return `the earlier RUN changes shell state (\`${a.leaks[0].what}\`) that would leak into the next command`;
}

/** `(` before a script; `((` would open an arithmetic expression, so a space after one. */
export function openSubshell(model: DockerfileModel, script: ShellScript): string {
  return model.text[script.start] === '(' ? '( ' : '(';
}

/** The comment lines in [start, end), re-indented as continuation lines of the joined RUN. */
export function commentsBetween(
  model: DockerfileModel,
  indent: string,
  start: number,
  end: number,
): string {
  return model.comments
    .filter((c) => c.start >= start && c.start < end)
    .map((c) => `${indent}${model.text.slice(c.start, model.lines.lineEnd(c.line)).trimEnd()}\n`)
    .join('');
}

function refuse(reason: string): MergePlan {
  return { ok: false, reason };
}

/** The first command is `cd /literal/absolute/path`, run unconditionally. */
function startsWithAbsoluteCd(script: ShellScript): boolean {
  const head = topLevelChain(script)[0]?.node;
  if (head?.type !== 'command') return false;
  const cmd = simpleCommand(script, head);
  const target = cmd.args[0]?.value;
  return (
    cmd.name === 'cd' &&
    cmd.wrappers.length === 0 &&
    cmd.args.length === 1 &&
    !!target &&
    target.startsWith('/')
  );
}
