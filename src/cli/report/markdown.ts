/**
 * `--format markdown`: a pull-request description. What changed in each file and why (the
 * findings applied, with their estimated savings and layer counts), what was left alone and why
 * (folded), errors, and where the estimates come from.
 */
import type { Finding } from '../../core/engine.js';
import { displayPath, formatBytes } from '../output.js';
import type { FileResult } from '../process-file.js';
import type { Reporter, ReportContext } from './reporter.js';
import { LayerTotals } from './summary.js';

export function markdownReporter(ctx: ReportContext): Reporter {
  const sections: string[] = [];
  const problems: string[] = [];
  const bases = new Map<string, number>();
  const applied = new Set<string>();
  const layers = new LayerTotals();
  return {
    file(result: FileResult) {
      layers.add(result);
      const path = displayPath(result.name);
      for (const message of result.errors) problems.push(`- \`${path}\`: ${inline(message)}`);
      if (result.status !== 'changed') return;
      const fixed = result.findings.filter((f) => f.status === 'fixed');
      const left = result.findings.filter((f) => f.status !== 'fixed');
      const facts: string[] = [];
      if (result.layers && result.layers.before.total !== result.layers.after.total)
        facts.push(
          `layers (RUN/COPY/ADD) ${result.layers.before.total} → ${result.layers.after.total}`,
        );
      if (result.estimatedBytes > 0)
        facts.push(`estimated saving ~${formatBytes(result.estimatedBytes)}`);
      const lines = [`### \`${path}\``, ''];
      if (facts.length) lines.push(`${capitalize(facts.join(', '))}.`, '');
      // Other files of the build context (a .dockerignore) belong in the pull request too.
      const others = (result.files ?? []).map(
        (f) => `\`${displayPath(f.path)}\` (${f.before === null ? 'new' : 'changed'})`,
      );
      if (others.length) lines.push(`Also: ${others.join(', ')}.`, '');
      // A change that rests on a build of the original: say what the build told, and whether the
      // rewrite was built and checked before it was written.
      const build = result.build;
      if (build && (build.rewrite === 'verified' || build.rewrite === 'not-verified'))
        lines.push(
          `Made with what a build of the original told (${build.stages
            .map((s) => `stage ${s.stage}: ${inline(s.told)}`)
            .join(
              '; ',
            )}); ${build.rewrite === 'verified' ? 'built and checked before it was written' : '**not verified**: build it before merging'}.`,
          '',
        );
      for (const finding of fixed) {
        applied.add(finding.transform);
        lines.push(`- ${findingItem(finding, bases)}`);
      }
      if (left.length) {
        lines.push('', `<details><summary>Left unchanged (${left.length})</summary>`, '');
        for (const finding of left) lines.push(`- ${findingItem(finding, bases)}`);
        lines.push('', '</details>');
      }
      sections.push(lines.join('\n'));
    },
    end(totals) {
      const files = totals.changed + totals.unchanged + totals.skipped;
      const headline = [
        `${totals.changed} of ${files} Dockerfile${files === 1 ? '' : 's'} changed`,
      ];
      if (totals.skipped) headline.push(`${totals.skipped} skipped`);
      if (totals.errors) headline.push(`${totals.errors} error${totals.errors === 1 ? '' : 's'}`);
      if (totals.estimatedBytes > 0)
        headline.push(`estimated image size saving ~${formatBytes(totals.estimatedBytes)}`);
      if (layers.before !== layers.after)
        headline.push(`layers (RUN/COPY/ADD) ${layers.before} → ${layers.after}`);
      const out = ['## Dockerfile optimisations (dockopt)', '', `${headline.join(' · ')}.`, ''];
      if (applied.size)
        out.push(`Transforms applied: ${[...applied].map((id) => `\`${id}\``).join(', ')}.`, '');
      out.push(...sections.flatMap((s) => [s, '']));
      if (problems.length) out.push('### Errors', '', ...problems, '');
      if (bases.size) {
        out.push('### Where the estimates come from', '');
        for (const [basis, n] of bases) out.push(`${n}. ${inline(basis)}`);
        out.push('');
      }
      out.push(
        '_Each change keeps what the build does; the notes above say why. Review as usual, and build before merging._',
      );
      ctx.out(`${out.join('\n')}\n`);
    },
  };
}

function findingItem(finding: Finding, bases: Map<string, number>): string {
  let saving = '';
  if (finding.estimate) {
    let n = bases.get(finding.estimate.basis);
    if (n === undefined) bases.set(finding.estimate.basis, (n = bases.size + 1));
    saving = ` (~${formatBytes(finding.estimate.bytes)} [${n}])`;
  }
  return `**${finding.transform}** (line ${finding.line}): ${inline(finding.message)}${saving}`;
}

/** Keeps a message on one list item: line breaks become spaces. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
