/**
 * `--format json`: one object with the tool, each file (findings with ranges, fixed or not and
 * estimates; layers before/after; errors; the diff in a dry run) and the totals. Files are written
 * as they come, one per line, so memory does not grow with the number of files.
 */
import { packageInfo } from '../package-info.js';
import type { Reporter, ReportContext } from './reporter.js';
import { LayerTotals, reportFile } from './summary.js';

export function jsonReporter(ctx: ReportContext): Reporter {
  const { name, version } = packageInfo();
  const layers = new LayerTotals();
  let files = 0;
  ctx.out(
    `{\n  "tool": ${JSON.stringify({ name, version })},\n  "mode": ${JSON.stringify(modeName(ctx))},\n  "files": [`,
  );
  return {
    file(result) {
      layers.add(result);
      ctx.out(`${files++ === 0 ? '' : ','}\n    ${JSON.stringify(reportFile(result))}`);
    },
    end(totals) {
      const all = { files, ...totals, layers: { before: layers.before, after: layers.after } };
      ctx.out(`${files ? '\n  ' : ''}],\n  "totals": ${JSON.stringify(all)}\n}\n`);
    },
  };
}

function modeName({ mode }: ReportContext): string {
  return mode.write ? 'write' : mode.check ? 'check' : 'dry-run';
}
