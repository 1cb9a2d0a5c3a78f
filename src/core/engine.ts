/**
 * The fixpoint loop: run every enabled transform over the model, apply the fixes that do not
 * conflict, re-parse, and repeat until a pass proposes nothing (at most `maxPasses` passes).
 *
 * Two fixes conflict when their edits touch, or when they change the same instruction: each fix was
 * judged safe on the text it saw, so no instruction is changed twice in one pass. Deferred fixes are
 * proposed again, on the new text, in the next pass. A batch whose result adds a problem (see
 * validate.ts) is retried fix by fix; a fix that breaks the file is reverted and reported as an
 * internal error, and its transform is not run again on this file.
 */
import { applyEdits, type Edit } from './edits.js';
import { collectIgnores, isIgnored } from './ignore.js';
import {
  KNOWN_INSTRUCTIONS,
  parseDockerfile,
  type DockerfileModel,
  type InstructionNode,
} from './model.js';
import { DEFAULT_SETTINGS, type BuildContext, type Settings } from './context.js';
import { countLayers, type LayerCount } from './layers.js';
import { renderSource, type Source } from './source.js';
import { resolveOptions, type Estimate, type Report, type Transform } from './transform.js';
import { newProblems, problemsOf } from './validate.js';
import { parseRunShell } from '../shell/script.js';

export interface Finding {
  transform: string;
  message: string;
  /** `fixed`: applied. `unfixed`: reported without a fix (a refusal, or an explanation). */
  status: 'fixed' | 'unfixed';
  /** Offsets and 1-based line/column in the input text (BOM excluded, CRLF counted as one). */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  estimate?: Estimate;
}

export interface EngineError {
  transform: string | null;
  message: string;
}

export interface EngineResult {
  /** The rewritten file contents (BOM and line endings as in the input). */
  output: string;
  changed: boolean;
  findings: Finding[];
  errors: EngineError[];
  passes: number;
  /** Why the file was left alone as a whole (Windows, `# dockopt ignore-file`), if it was. */
  skipped: string | null;
  /** RUN/COPY/ADD instructions before and after (`null` before the input could be parsed). */
  layers: { before: LayerCount; after: LayerCount } | null;
}

export interface EngineOptions {
  transforms: readonly Transform[];
  /** Per transform id, option values (defaults are filled in). */
  options?: Readonly<Record<string, Record<string, unknown>>>;
  maxPasses?: number;
  settings?: Partial<Settings>;
  buildContext?: BuildContext | null;
}

interface Proposed {
  transform: Transform;
  order: number;
  report: Report;
  instructions: number[];
}

type OffsetMap = (offset: number) => number;

/** The input is not a Dockerfile (or one Docker itself would reject): nothing is rewritten. */
export class NotADockerfileError extends Error {}

export function runEngine(source: Source, engineOptions: EngineOptions): EngineResult {
  const maxPasses = engineOptions.maxPasses ?? 10;
  const optionsById = new Map(
    engineOptions.transforms.map((t) => [
      t.meta.id,
      resolveOptions(t.meta, engineOptions.options?.[t.meta.id]),
    ]),
  );
  const original = source.text;

  const result = (text: string, extra: Partial<EngineResult>): EngineResult => ({
    output: renderSource(source, text),
    changed: text !== original,
    findings: [],
    errors: [],
    passes: 0,
    skipped: null,
    layers: null,
    ...extra,
  });

  let model = parseDockerfile(original);
  const originalLines = model.lines;
  const layersBefore = countLayers(model);
  const unknown = model.instructions.find((n) => !KNOWN_INSTRUCTIONS.has(n.keyword));
  if (unknown) {
    const word =
      unknown.keywordText.length > 40
        ? `${unknown.keywordText.slice(0, 40)}...`
        : unknown.keywordText;
    throw new NotADockerfileError(
      `not a Dockerfile: line ${unknown.firstLine + 1} starts with "${word}", which is not an instruction`,
    );
  }
  const unchangedLayers = { before: layersBefore, after: layersBefore };
  if (model.windows)
    return result(original, {
      skipped: 'Windows Dockerfile: no Linux rewrite applies',
      layers: unchangedLayers,
    });
  if (collectIgnores(model).file)
    return result(original, { skipped: '# dockopt ignore-file', layers: unchangedLayers });

  const shellOk = new Map<string, boolean>();
  let problems = problemsOf(model, shellOk);
  const seen = new Set([original]);
  const disabled = new Set<string>();
  const fixed: Finding[] = [];
  const errors: EngineError[] = [];
  let unfixed: Finding[] = [];
  let toOriginal: OffsetMap = (o) => o;
  let passes = 0;

  for (;;) {
    const proposed = runTransforms(model, source, engineOptions, optionsById, disabled, errors);
    const locate = (p: Proposed) => locateFinding(p, toOriginal, originalLines);
    unfixed = proposed
      .filter((p) => !p.report.fix?.length)
      .map((p) => ({ ...locate(p), status: 'unfixed' as const }));
    const withFix = proposed.filter((p) => p.report.fix?.length);
    if (withFix.length === 0) break;
    if (passes >= maxPasses) {
      errors.push({
        transform: null,
        message: `fixes still pending after ${maxPasses} passes; run again to apply the rest`,
      });
      break;
    }
    passes++;

    const batch = selectNonConflicting(withFix);
    let accepted = batch;
    let text = applyEdits(
      model.text,
      batch.flatMap((p) => p.report.fix!),
    );
    let nextModel = parseDockerfile(text);
    let nextProblems = problemsOf(nextModel, shellOk);
    if (newProblems(problems, nextProblems).length > 0) {
      // Find the culprits: keep each fix only if the text still validates with it added.
      accepted = [];
      for (const candidate of batch) {
        const trial = applyEdits(
          model.text,
          [...accepted, candidate].flatMap((p) => p.report.fix!),
        );
        const trialModel = parseDockerfile(trial);
        const trialProblems = problemsOf(trialModel, shellOk);
        const added = newProblems(problems, trialProblems);
        if (added.length === 0) {
          accepted.push(candidate);
          text = trial;
          nextModel = trialModel;
          nextProblems = trialProblems;
        } else {
          disabled.add(candidate.transform.meta.id);
          errors.push({
            transform: candidate.transform.meta.id,
            message: `internal error: a fix was reverted because the result would not parse (${added[0]}); please report this`,
          });
        }
      }
      if (accepted.length === 0) {
        model = parseDockerfile(model.text);
        continue;
      }
      text = applyEdits(
        model.text,
        accepted.flatMap((p) => p.report.fix!),
      );
    }

    if (seen.has(text)) {
      errors.push({
        transform: null,
        message: 'internal error: fixes undo one another; stopped before repeating',
      });
      break;
    }
    seen.add(text);
    for (const p of accepted) fixed.push({ ...locate(p), status: 'fixed' });
    toOriginal = compose(toOriginal, mapBackThrough(accepted.flatMap((p) => p.report.fix!)));
    model = nextModel;
    problems = nextProblems;
  }

  return result(model.text, {
    findings: [...fixed, ...unfixed],
    errors,
    passes,
    layers: { before: layersBefore, after: countLayers(model) },
  });
}

function runTransforms(
  model: DockerfileModel,
  source: Source,
  engineOptions: EngineOptions,
  optionsById: Map<string, Record<string, unknown>>,
  disabled: Set<string>,
  errors: EngineError[],
): Proposed[] {
  const ignores = collectIgnores(model);
  const shell = (node: InstructionNode) => parseRunShell(model, node);
  const proposed: Proposed[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, ...engineOptions.settings };
  const buildContext = engineOptions.buildContext ?? null;
  engineOptions.transforms.forEach((transform, order) => {
    if (disabled.has(transform.meta.id)) return;
    const mine: Proposed[] = [];
    try {
      transform.create({
        model,
        source,
        options: optionsById.get(transform.meta.id) ?? {},
        settings,
        buildContext,
        shell,
        report(report) {
          const nodes = Array.isArray(report.node) ? report.node : [report.node as InstructionNode];
          const touched = new Set(nodes.map((n) => n.index));
          for (const edit of report.fix ?? [])
            for (const n of instructionsTouchedBy(model, edit)) touched.add(n.index);
          if ([...touched].some((i) => isIgnored(ignores, transform.meta, i))) return;
          mine.push({ transform, order, report, instructions: [...touched] });
        },
      });
    } catch (error) {
      disabled.add(transform.meta.id);
      errors.push({
        transform: transform.meta.id,
        message: `internal error: ${(error as Error).stack ?? error}`,
      });
      return;
    }
    proposed.push(...mine);
  });
  return proposed;
}

/** Instructions whose text an edit changes or touches (an insertion at either end counts). */
function instructionsTouchedBy(model: DockerfileModel, edit: Edit): InstructionNode[] {
  return model.instructions.filter((n) => edit.start <= n.end && edit.end >= n.start);
}

function selectNonConflicting(fixes: Proposed[]): Proposed[] {
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

/** A fix's own edits must not overlap (insertions at one point are fine: they keep their order). */
function editsAreDisjoint(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.every((e, i) => i === 0 || sorted[i - 1].end <= e.start);
}

function locateFinding(
  p: Proposed,
  toOriginal: OffsetMap,
  originalLines: DockerfileModel['lines'],
) {
  const nodes = Array.isArray(p.report.node) ? p.report.node : [p.report.node as InstructionNode];
  const range = p.report.range ?? {
    start: Math.min(...nodes.map((n) => n.start)),
    end: Math.max(...nodes.map((n) => n.end)),
  };
  const start = toOriginal(range.start);
  const end = Math.max(start, toOriginal(range.end));
  const line = originalLines.lineAt(start);
  return {
    transform: p.transform.meta.id,
    message: p.report.message,
    start,
    end,
    line: line + 1,
    column: start - originalLines.lineStart(line) + 1,
    endLine: originalLines.lineAt(end) + 1,
    ...(p.report.estimate ? { estimate: p.report.estimate } : {}),
  };
}

/** Maps an offset in the text after `edits` back to the text before them. */
function mapBackThrough(edits: readonly Edit[]): OffsetMap {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return (offset) => {
    let delta = 0;
    for (const edit of sorted) {
      const newStart = edit.start + delta;
      if (offset < newStart) break;
      const newEnd = newStart + edit.text.length;
      if (offset < newEnd) return edit.start;
      delta += edit.text.length - (edit.end - edit.start);
    }
    return offset - delta;
  };
}

function compose(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  return (offset) => outer(inner(offset));
}
