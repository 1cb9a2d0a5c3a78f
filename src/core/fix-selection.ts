/**
 * Choosing which proposed fixes of a pass go in together: fixes whose edits touch, or that change
 * the same instruction, or the same file of the build context, cannot both be applied to the text
 * they were judged on; the later ones wait for the next pass.
 */
import { leavesLineContinued, type Edit } from './edits.js';
import { normalizeContextPath } from './dockerignore.js';
import type { Report, Transform } from './transform.js';

/** A transform's report in one pass, with its order in the registry and the instructions it edits. */
export interface Proposed {
  transform: Transform;
  order: number;
  report: Report;
  instructions: number[];
}

/** A fix whose files another fix of this pass (earlier in order) also changes waits a pass. */
export function deferFileConflicts(withFix: Proposed[]): Proposed[] {
  const claimed = new Set<string>();
  return [...withFix]
    .sort((a, b) => a.order - b.order)
    .filter((p) => {
      const paths = (p.report.files ?? []).map((f) => normalizeContextPath(f.path)!);
      if (paths.some((path) => claimed.has(path))) return false;
      paths.forEach((path) => claimed.add(path));
      return true;
    });
}

export function selectNonConflicting(fixes: Proposed[]): Proposed[] {
  const sorted = [...fixes].sort(
    (a, b) =>
      Math.min(...a.report.fix!.map((e) => e.start)) -
        Math.min(...b.report.fix!.map((e) => e.start)) || a.order - b.order,
  );
  const chosen: Proposed[] = [];
  const usedInstructions = new Set<number>();
  const usedEdits: Edit[] = [];
  for (const candidate of sorted) {
    const edits = candidate.report.fix!;
    if (candidate.instructions.some((i) => usedInstructions.has(i))) continue;
    if (edits.some((e) => usedEdits.some((u) => e.start <= u.end && u.start <= e.end))) continue;
    if (!editsAreDisjoint(edits)) continue;
    chosen.push(candidate);
    candidate.instructions.forEach((i) => usedInstructions.add(i));
    usedEdits.push(...edits);
  }
  return chosen;
}

/**
 * A fix's own edits must not overlap. Insertions at one point are fine (they keep their order), and
 * so is an insertion at the start of a replacement (it goes in front): sorting by end as well puts
 * the insertion first.
 */
export function editsAreDisjoint(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.every((e, i) => i === 0 || sorted[i - 1].end <= e.start);
}

/**
 * Why a fix cannot be applied at all (a bug in its transform), or null. Such a fix used to be
 * skipped silently on every pass, until the pass limit.
 */
export function editProblem(report: Report, text: string, escapeChar = '\\'): string | null {
  const edits = report.fix ?? [];
  if (edits.some((e) => !(0 <= e.start && e.start <= e.end && e.end <= text.length)))
    return 'a fix has an edit outside the text; please report this';
  if (!editsAreDisjoint(edits))
    return 'a fix has edits that overlap one another; please report this';
  if (edits.some((e) => leavesLineContinued(text, e, escapeChar)))
    return 'a fix would leave a line ending in the escape character, which joins the next line to it; please report this';
  return null;
}
