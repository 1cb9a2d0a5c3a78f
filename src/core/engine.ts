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
import type { BuildFacts, FactsQuestion } from './build-facts.js';
import { applyEdits, type Edit } from './edits.js';
import { collectIgnores, isIgnored } from './ignore.js';
import { continuationMismatch } from './continuations.js';
import {
  KNOWN_INSTRUCTIONS,
  parseDockerfile,
  type DockerfileModel,
  type InstructionNode,
} from './model.js';
import { DEFAULT_SETTINGS, withFiles, type BuildContext, type Settings } from './context.js';
import { normalizeContextPath } from './dockerignore.js';
import { countLayers, type LayerCount } from './layers.js';
import { renderSource, type Source } from './source.js';
import { resolveOptions, type Estimate, type Report, type Transform } from './transform.js';
import { newProblems, problemsOf } from './validate.js';
import {
  deferFileConflicts,
  editProblem,
  selectNonConflicting,
  type Proposed,
} from './fix-selection.js';
import { compose, locateFinding, mapBackThrough, type OffsetMap } from './offset-map.js';
import { parseRunShell } from './run/shell.js';

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
  /** 1-based column just past the end of the range. */
  endColumn: number;
  estimate?: Estimate;
  /** What a build could tell to let the transform act (see `Report.question`). */
  question?: FactsQuestion;
}

export interface EngineError {
  transform: string | null;
  message: string;
}

/** A file of the build context that the run would change (besides the Dockerfile). */
export interface ChangedFile {
  /** Relative to the context root, `/`-separated. */
  path: string;
  /** Its contents on disk now; null when it does not exist yet. */
  before: string | null;
  after: string;
}

export interface EngineResult {
  /** The rewritten file contents (BOM and line endings as in the input). */
  output: string;
  /** The Dockerfile or another file would change. */
  changed: boolean;
  /** Other files of the build context to change (a `.dockerignore`), sorted by path. */
  files: ChangedFile[];
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
  /** What builds of the original told (see `TransformContext.buildFacts`). */
  buildFacts?: BuildFacts | null;
}

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
    changed: text !== original || (extra.files?.length ?? 0) > 0,
    files: [],
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
  // Before anything that trusts the model's instruction boundaries (even "not a Dockerfile").
  const misread = continuationMismatch(model);
  if (misread !== null)
    return result(original, {
      skipped: `line ${misread + 1}: dockerfile-ast and Docker end this instruction on different lines (a line continuation they read differently); left unchanged`,
      layers: { before: layersBefore, after: layersBefore },
    });
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
  const baseContext = engineOptions.buildContext ?? null;
  // Files of the build context that transforms want changed: context path → latest contents.
  const proposals = new Map<string, string>();
  let context = baseContext;
  const seen = new Set([stateKey(original, proposals)]);
  const disabled = new Set<string>();
  const fixed: Finding[] = [];
  const errors: EngineError[] = [];
  let unfixed: Finding[] = [];
  let toOriginal: OffsetMap = (o) => o;
  let passes = 0;

  for (;;) {
    const proposed = runTransforms(model, source, engineOptions, context, optionsById, disabled);
    errors.push(...proposed.errors);
    const valid = proposed.reports.filter((p) => {
      const problem =
        editProblem(p.report, model.text, model.escapeChar) ?? fileChangeProblem(p.report, context);
      if (problem === null) return true;
      disabled.add(p.transform.meta.id);
      errors.push({ transform: p.transform.meta.id, message: `internal error: ${problem}` });
      return false;
    });
    const locate = (p: Proposed) => locateFinding(p, toOriginal, originalLines);
    const changesFiles = (p: Proposed) =>
      (p.report.files ?? []).some((f) => context!.readText(f.path) !== f.text);
    const fileOnly = valid.filter((p) => !p.report.fix?.length && changesFiles(p));
    unfixed = valid
      .filter((p) => !p.report.fix?.length && !changesFiles(p))
      .map((p) => ({ ...locate(p), status: 'unfixed' as const }));
    const withFix = deferFileConflicts(valid.filter((p) => p.report.fix?.length));
    if (withFix.length === 0 && fileOnly.length === 0) break;
    if (passes >= maxPasses) {
      errors.push({
        transform: null,
        message: `fixes still pending after ${maxPasses} passes; run again to apply the rest`,
      });
      break;
    }
    passes++;

    let accepted: Proposed[] = [];
    let text = model.text;
    let nextModel = model;
    let nextProblems = problems;
    if (withFix.length > 0) {
      const batch = selectNonConflicting(withFix);
      accepted = batch;
      text = applyEdits(
        model.text,
        batch.flatMap((p) => p.report.fix!),
      );
      nextModel = parseDockerfile(text);
      nextProblems = problemsOf(nextModel, shellOk);
      if (newProblems(problems, nextProblems).length > 0) {
        // Find the culprits: keep each fix only if the text still validates with it added.
        accepted = [];
        text = model.text;
        nextModel = model;
        nextProblems = problems;
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
      }
    }

    // File changes: those of accepted fixes, then file-only reports whose files no earlier
    // report of this pass claimed (the others see the result and may propose again next pass).
    const nextProposals = new Map(proposals);
    const claimed = new Set<string>();
    const acceptedFileOnly: Proposed[] = [];
    for (const p of [...accepted, ...fileOnly]) {
      const paths = (p.report.files ?? []).map((f) => normalizeContextPath(f.path)!);
      if (!p.report.fix?.length && paths.some((path) => claimed.has(path))) continue;
      paths.forEach((path) => claimed.add(path));
      if (!p.report.fix?.length) acceptedFileOnly.push(p);
      for (const f of p.report.files ?? []) {
        const path = normalizeContextPath(f.path)!;
        if (baseContext!.readText(path) === f.text) nextProposals.delete(path);
        else nextProposals.set(path, f.text);
      }
    }

    if (accepted.length === 0 && acceptedFileOnly.length === 0) {
      // Every fix was reverted: run again without the transforms responsible.
      model = parseDockerfile(model.text);
      continue;
    }
    const key = stateKey(text, nextProposals);
    if (seen.has(key)) {
      errors.push({
        transform: null,
        message: 'internal error: fixes undo one another; stopped before repeating',
      });
      break;
    }
    seen.add(key);
    for (const p of [...accepted, ...acceptedFileOnly])
      fixed.push({ ...locate(p), status: 'fixed' });
    toOriginal = compose(toOriginal, mapBackThrough(accepted.flatMap((p) => p.report.fix!)));
    if (text !== model.text) model = nextModel;
    problems = nextProblems;
    proposals.clear();
    nextProposals.forEach((value, path) => proposals.set(path, value));
    if (baseContext) context = withFiles(baseContext, proposals);
  }

  const files = [...proposals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, after]) => ({ path, before: baseContext!.readText(path), after }));
  return result(model.text, {
    findings: [...fixed, ...unfixed],
    errors,
    passes,
    files,
    layers: { before: layersBefore, after: countLayers(model) },
  });
}

/** What the fixpoint has reached: the text and the proposed files (a repeat means a cycle). */
function stateKey(text: string, proposals: ReadonlyMap<string, string>): string {
  return JSON.stringify([text, [...proposals].sort()]);
}

/** Why a report's file changes cannot be taken (a transform bug), or null when they can. */
function fileChangeProblem(report: Report, context: BuildContext | null): string | null {
  const files = report.files ?? [];
  if (files.length === 0) return null;
  if (!context) return 'proposed a change to a file of the build context, but there is none';
  const seen = new Set<string>();
  for (const f of files) {
    const path = normalizeContextPath(f.path);
    if (!path) return `proposed a change to "${f.path}", which is not a file in the build context`;
    if (path === context.dockerfile) return 'proposed a change to the Dockerfile as a file';
    if (seen.has(path)) return `proposed two versions of "${path}"`;
    seen.add(path);
  }
  return null;
}

function runTransforms(
  model: DockerfileModel,
  source: Source,
  engineOptions: EngineOptions,
  buildContext: BuildContext | null,
  optionsById: Map<string, Record<string, unknown>>,
  disabled: Set<string>,
): { reports: Proposed[]; errors: EngineError[] } {
  const errors: EngineError[] = [];
  const ignores = collectIgnores(model);
  const shell = (node: InstructionNode) => parseRunShell(model, node);
  const proposed: Proposed[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, ...engineOptions.settings };
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
        buildFacts: engineOptions.buildFacts ?? null,
        shell,
        ignored: (node) => isIgnored(ignores, transform.meta, node.index),
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
  return { reports: proposed, errors };
}

/** Instructions whose text an edit changes or touches (an insertion at either end counts). */
function instructionsTouchedBy(model: DockerfileModel, edit: Edit): InstructionNode[] {
  return model.instructions.filter((n) => edit.start <= n.end && edit.end >= n.start);
}
