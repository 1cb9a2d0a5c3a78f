/**
 * The default report: unified diffs on stdout (so `dockopt . > changes.patch` works), one line per
 * finding and the summary on stderr; `--list-different` prints names, `--print` the new text.
 */
import { colorize, displayPath, findingLine, summaryLine } from '../output.js';
import type { FileResult } from '../process-file.js';
import type { Mode, Reporter, ReportContext } from './reporter.js';
import { buildMark, buildWouldTell } from './summary.js';

export function textReporter(ctx: ReportContext): Reporter {
  const { mode, verbose, out, err } = ctx;
  const showDiff = !mode.write && !mode.check && !mode.list && !mode.print;
  return {
    file(result: FileResult) {
      const name = result.name;
      for (const message of result.errors) err(`dockopt: ${displayPath(name)}: ${message}\n`);
      if (result.status === 'error') return;
      if (result.status === 'skipped') {
        if (verbose) err(`${displayPath(name)}: skipped: ${result.skipped}\n`);
        if (mode.print) out(result.original ?? '');
        return;
      }
      const shown = result.findings
        .map((finding, index) => ({ finding, index }))
        .filter(({ finding }) => finding.status === 'fixed' || verbose);
      if (mode.print) out(result.output ?? result.original ?? '');
      if (result.status === 'changed') {
        if (mode.list) return out(`${displayPath(name)}\n`);
        if (showDiff && result.diff) out(ctx.color ? colorize(result.diff) : result.diff);
      }
      // One write per file, not per finding: a fleet run prints tens of thousands of lines.
      if (shown.length > 0)
        err(
          shown
            .map(
              ({ finding, index }) => `${findingLine(name, finding, buildNote(result, index))}\n`,
            )
            .join(''),
        );
    },
    end(totals) {
      if (mode.list || mode.print) return;
      err(`${summaryLine(totals, summaryVerb(mode))}\n`);
    },
  };
}

/** How a build bears on a finding, at the end of its line: one it could answer, or one it made. */
function buildNote(result: FileResult, index: number): string {
  if (buildWouldTell(result, index)) return ' (a build can tell: --build)';
  return buildMark(result, index) === 'informed' ? ' (with build facts)' : '';
}

export function summaryVerb(mode: Mode): string {
  return mode.write ? 'written' : mode.check || mode.list ? 'would change' : 'changed';
}
