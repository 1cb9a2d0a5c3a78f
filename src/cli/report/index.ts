/** Picks the report format. Formats other than text still say errors and the summary on stderr. */
import { displayPath, summaryLine } from '../output.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import type { Reporter, ReportContext } from './reporter.js';
import { sarifReporter } from './sarif.js';
import { summaryVerb, textReporter } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function createReporter(format: Format, ctx: ReportContext): Reporter {
  if (format === 'text') return textReporter(ctx);
  const report =
    format === 'json'
      ? jsonReporter(ctx)
      : format === 'sarif'
        ? sarifReporter(ctx)
        : markdownReporter(ctx);
  return {
    file(result) {
      for (const message of result.errors)
        ctx.err(`dockopt: ${displayPath(result.name)}: ${message}\n`);
      report.file(result);
    },
    end(totals) {
      report.end(totals);
      ctx.err(`${summaryLine(totals, summaryVerb(ctx.mode))}\n`);
    },
  };
}
