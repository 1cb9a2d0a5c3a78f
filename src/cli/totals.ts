/** Counting results for the end summary. */
import type { Totals } from './output.js';
import type { FileResult } from './process-file.js';

export function emptyTotals(): Totals {
  return { changed: 0, unchanged: 0, skipped: 0, errors: 0, estimatedBytes: 0 };
}

export function addToTotals(totals: Totals, result: FileResult): void {
  totals.errors += result.errors.length;
  if (result.status === 'changed') {
    totals.changed++;
    totals.estimatedBytes += result.estimatedBytes;
  } else if (result.status === 'unchanged') totals.unchanged++;
  else if (result.status === 'skipped') totals.skipped++;
}
