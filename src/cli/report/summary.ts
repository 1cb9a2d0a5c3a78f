/**
 * The end-of-run summary every format shares: counts, estimated savings and layers, plus the
 * plain-data view of one file's result that the JSON and Markdown reports are made of.
 */
import type { Finding } from '../../core/engine.js';
import { displayPath, type Totals } from '../output.js';
import type { FileBuildInfo, FileResult } from '../process-file.js';
import type { LayerCount } from '../../core/layers.js';

export interface ReportFinding {
  transform: string;
  message: string;
  /** Applied (or, in a dry run, would be applied). */
  fixed: boolean;
  /** 1-based lines and columns in the file as read; `end` is just past the range. */
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  estimate: { bytes: number; basis: string } | null;
  /**
   * Only when it applies: `asks` — the transform refused, and a build of the original could tell
   * it what it needs (`--build`); `informed` — made with what a build told (`--build`).
   */
  build?: BuildMark;
}

export type BuildMark = 'asks' | 'informed';

/** What a build has to do with the finding at `index` of `result`, if anything. */
export function buildMark(result: FileResult, index: number): BuildMark | null {
  if (result.build?.informed.includes(index)) return 'informed';
  return result.findings[index]?.question ? 'asks' : null;
}

/** A finding that asks about a stage no build of this run answered: `--build` would. */
export function buildWouldTell(result: FileResult, index: number): boolean {
  const stage = result.findings[index]?.question?.stage;
  return (
    buildMark(result, index) === 'asks' &&
    result.findings[index].status !== 'fixed' &&
    !result.build?.stages.some((s) => s.stage === stage)
  );
}

export interface ReportFile {
  path: string;
  status: FileResult['status'];
  findings: ReportFinding[];
  errors: string[];
  skipped: string | null;
  layers: { before: LayerCount; after: LayerCount } | null;
  estimatedBytes: number;
  /** Unified diff of the change (dry runs), or null. */
  diff: string | null;
  /** Only with `--build`, when a transform asked: what builds told and what became of the rewrite. */
  build?: FileBuildInfo;
}

export function reportFinding(finding: Finding, mark: BuildMark | null = null): ReportFinding {
  return {
    transform: finding.transform,
    message: finding.message,
    fixed: finding.status === 'fixed',
    range: {
      start: { line: finding.line, column: finding.column },
      end: { line: finding.endLine, column: finding.endColumn },
    },
    estimate: finding.estimate ?? null,
    ...(mark ? { build: mark } : {}),
  };
}

export function reportFile(result: FileResult): ReportFile {
  return {
    path: displayPath(result.name),
    status: result.status,
    findings: result.findings.map((finding, i) => reportFinding(finding, buildMark(result, i))),
    errors: result.errors,
    skipped: result.skipped ?? null,
    layers: result.layers ?? null,
    estimatedBytes: result.estimatedBytes,
    diff: result.diff ?? null,
    ...(result.build ? { build: result.build } : {}),
  };
}

/** Layers before and after over the whole run (files that were processed). */
export class LayerTotals {
  before = 0;
  after = 0;
  add(result: FileResult): void {
    if (!result.layers) return;
    this.before += result.layers.before.total;
    this.after += (result.status === 'changed' ? result.layers.after : result.layers.before).total;
  }
}

export interface RunTotals extends Totals {
  files: number;
  layers: { before: number; after: number };
}
