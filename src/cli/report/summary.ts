/**
 * The end-of-run summary every format shares: counts, estimated savings and layers, plus the
 * plain-data view of one file's result that the JSON and Markdown reports are made of.
 */
import type { Finding } from '../../core/engine.js';
import { displayPath, type Totals } from '../output.js';
import type { FileResult } from '../process-file.js';
import type { LayerCount } from '../../core/layers.js';

export interface ReportFinding {
  transform: string;
  message: string;
  /** Applied (or, in a dry run, would be applied). */
  fixed: boolean;
  /** 1-based lines and columns in the file as read; `end` is just past the range. */
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  estimate: { bytes: number; basis: string } | null;
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
}

export function reportFinding(finding: Finding): ReportFinding {
  return {
    transform: finding.transform,
    message: finding.message,
    fixed: finding.status === 'fixed',
    range: {
      start: { line: finding.line, column: finding.column },
      end: { line: finding.endLine, column: finding.endColumn },
    },
    estimate: finding.estimate ?? null,
  };
}

export function reportFile(result: FileResult): ReportFile {
  return {
    path: displayPath(result.name),
    status: result.status,
    findings: result.findings.map(reportFinding),
    errors: result.errors,
    skipped: result.skipped ?? null,
    layers: result.layers ?? null,
    estimatedBytes: result.estimatedBytes,
    diff: result.diff ?? null,
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
