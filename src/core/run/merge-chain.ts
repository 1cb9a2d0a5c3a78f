/**
 * Joining a whole run of consecutive RUN instructions into one, in a single fix.
 *
 * Joining pairwise (merge.ts) turns N RUNs into one over log2(N) engine passes, and every pass
 * parses the file and runs every transform again; real Dockerfiles have runs of ten RUNs and more.
 * `R1 && R2 && ... && Rn` keeps what the separate RUNs did when every adjacent pair passes the
 * checks of merge.ts and each RUN is wrapped on its own, where it needs it:
 *   - Ri, if a RUN follows it, goes in a subshell `( ... )` when it leaves shell state behind,
 *     unless it only changes the working directory and the next RUN starts with an absolute `cd`
 *     and is not itself in a subshell (that `cd` then sets the directory for everything after);
 *   - Ri, if a RUN precedes it, goes in `{ ...; }` when its top level has `||`, `;` or a newline,
 *     unless it is in a subshell already (which groups it as well);
 *   - with a SHELL that runs with -e, every RUN that has a RUN after it must be as harmless on the
 *     left of `&&` as merge.ts requires of the earlier RUN of a pair, and also not grouped.
 * A pair that fails a check splits the run there, and each part of two or more RUNs is one fix.
 * Two RUNs come out exactly as planRunMerge joins them.
 */
import type { Edit } from '../edits.js';
import { continuationIndent } from '../layout.js';
import type { DockerfileModel, InstructionNode } from '../model.js';
import {
  commentsBetween,
  cwdResetBy,
  ERREXIT_COMPOUND,
  joinPart,
  leakRefusal,
  openSubshell,
  refusalAfterLeaks,
  refusalBeforeLeaks,
  type JoinPart,
} from './merge.js';
import type { ShellResult } from '../../shell/script.js';

export interface ChainOptions {
  /** Contain a RUN's shell state in `( ... )` instead of splitting the run there. Default true. */
  wrapLeaks?: boolean;
  /** Instructions an ignore comment exempts: the run is split around them, without a report. */
  ignored?: (node: InstructionNode) => boolean;
}

export interface ChainJoin {
  nodes: InstructionNode[];
  edits: Edit[];
  notes: string[];
}

export interface ChainPlan {
  /** Parts of two or more RUNs, each joined into one by its edits. */
  joins: ChainJoin[];
  /** Adjacent RUNs left separate, and why (ignored ones are not listed). */
  refused: { earlier: InstructionNode; later: InstructionNode; reason: string }[];
}

/** A split between two RUNs that an ignore comment asks for: not a refusal to report. */
const IGNORED = Symbol('ignored');

/** `runs`: consecutive RUN instructions of one stage, in order. */
export function planRunChain(
  model: DockerfileModel,
  runs: readonly InstructionNode[],
  shellOf: (node: InstructionNode) => ShellResult,
  options: ChainOptions = {},
): ChainPlan {
  const parts = runs.map((node) => joinPart(node, shellOf));
  const last = parts.length - 1;
  // split[j]: why RUN j and RUN j+1 stay separate (null: they join).
  const split: (string | typeof IGNORED | null)[] = parts.slice(0, last).map((a, j) => {
    const b = parts[j + 1];
    if (options.ignored?.(a.node) || options.ignored?.(b.node)) return IGNORED;
    return refusalBeforeLeaks(model, a, b);
  });

  // Subshells, from the end: whether RUN j needs one depends on whether RUN j+1 got one.
  const subshell = parts.map(() => false);
  const cwdHarmless = parts.map(() => false);
  for (let j = last - 1; j >= 0; j--) {
    if (split[j] !== null) continue;
    const a = parts[j];
    if (a.leaks.length > 0) {
      if (cwdResetBy(a, parts[j + 1]) && !subshell[j + 1]) cwdHarmless[j] = true;
      else if (options.wrapLeaks ?? true) subshell[j] = true;
      else split[j] = leakRefusal(a);
    }
    const refusal = split[j] === null ? refusalAfterLeaks(a, subshell[j]) : null;
    if (refusal !== null) {
      split[j] = refusal;
      subshell[j] = cwdHarmless[j] = false;
    }
  }

  // Braces, from the start: a RUN is grouped only when a RUN before it joins it.
  const braces = parts.map(() => false);
  for (let j = 1; j <= last; j++) {
    braces[j] = split[j - 1] === null && parts[j].needsGroup && !subshell[j];
    if (j < last && split[j] === null && braces[j] && parts[j].script!.errexit) {
      split[j] = ERREXIT_COMPOUND;
      cwdHarmless[j] = false;
    }
  }

  const plan: ChainPlan = { joins: [], refused: [] };
  let start = 0;
  for (let j = 0; j <= last; j++) {
    const reason = j < last ? split[j] : IGNORED;
    if (reason === null) continue;
    if (reason !== IGNORED)
      plan.refused.push({ earlier: parts[j].node, later: parts[j + 1].node, reason });
    if (j > start) {
      const range = { start, end: j };
      plan.joins.push(joinRange(model, parts, range, { subshell, braces, cwdHarmless }));
    }
    start = j + 1;
  }
  return plan;
}

interface Wrapping {
  subshell: boolean[];
  braces: boolean[];
  cwdHarmless: boolean[];
}

/** The edits that join parts[start..end] (both included), wrapped as decided. */
function joinRange(
  model: DockerfileModel,
  parts: readonly JoinPart[],
  { start, end }: { start: number; end: number },
  { subshell, braces, cwdHarmless }: Wrapping,
): ChainJoin {
  const nodes = parts.slice(start, end + 1).map((p) => p.node);
  const indent =
    nodes.map((node) => continuationIndent(model, node)).find((found) => found !== null) ?? '    ';
  const esc = model.escapeChar;
  const opening = (k: number) =>
    `${braces[k] ? '{ ' : ''}${subshell[k] ? openSubshell(model, parts[k].script!) : ''}`;
  const closing = (k: number) => `${braces[k] ? '; }' : ''}${subshell[k] ? ')' : ''}`;

  const edits: Edit[] = [];
  const first = parts[start].script!;
  if (opening(start)) edits.push({ start: first.start, end: first.start, text: opening(start) });
  for (let j = start; j < end; j++) {
    const next = parts[j + 1].script!.start;
    const comments = commentsBetween(model, indent, parts[j].end, next);
    const joint = `${closing(j)} && ${esc}\n${comments}${indent}${opening(j + 1)}`;
    edits.push({ start: parts[j].end, end: next, text: joint });
  }
  if (closing(end)) edits.push({ start: parts[end].end, end: parts[end].end, text: closing(end) });

  // Two RUNs are "the earlier" and "the later" one, as planRunMerge says; more are numbered.
  const count = end - start + 1;
  const name = (k: number) =>
    count === 2
      ? k === start
        ? 'the earlier RUN'
        : 'the later RUN'
      : `RUN ${k - start + 1} of ${count}`;
  const notes: string[] = [];
  for (let k = start; k <= end; k++) {
    if (braces[k])
      notes.push(`grouped ${name(k)} in { } because it uses || / ; / newlines at its top level`);
    const leak = parts[k].leaks[0]?.what;
    if (subshell[k]) notes.push(`wrapped ${name(k)} in ( ) so that \`${leak}\` does not leak`);
    if (cwdHarmless[k] && k < end)
      notes.push(
        `\`${leak}\` in ${name(k)} is harmless: ${name(k + 1)} starts with an absolute cd`,
      );
  }
  return { nodes, edits, notes };
}
