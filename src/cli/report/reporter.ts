/** What every report format implements: one call per file, in input order, then the end. */
import type { TransformMeta } from '../../core/transform.js';
import type { FileResult } from '../process-file.js';
import type { Totals } from '../output.js';

/**
 * What the run does with the files. None set: show diffs. `write` may go with `list`
 * (write, and name the files written); the others exclude each other.
 */
export interface Mode {
  write: boolean;
  check: boolean;
  list: boolean;
  print: boolean;
}

export interface ReportContext {
  mode: Mode;
  verbose: boolean;
  color: boolean;
  /** The report itself (stdout, or the `--output` file). */
  out: (text: string) => void;
  /** Diagnostics: errors, findings in text mode, the summary. */
  err: (text: string) => void;
  /** Every transform known to this run (built-in and custom), in registry order. */
  transforms: readonly TransformMeta[];
}

export interface Reporter {
  file(result: FileResult): void;
  end(totals: Totals): void;
}
