/** The measured numbers, one row per app and variant (the table the README shows). */
import { formatBytes } from '../../../dist/src/cli/output.js';
import { renderTable } from '../../../dist/src/cli/verify-table.js';
import { sameBuild } from './variants.js';

/** @param rows [{ app, variant: { name, measured, applied, sameAs, text } }] */
export function resultsTable(rows) {
  const header = [
    'app',
    'variant',
    'build',
    'smoke',
    'size',
    'vs original',
    'layers',
    'cold build',
    'warm rebuild',
    'deps layer re-used',
    'transforms applied',
  ];
  const originals = new Map(
    rows.filter((r) => r.variant.name === 'original').map((r) => [r.app, r.variant]),
  );
  const body = rows.map(({ app, variant }) => {
    const cold = variant.measured?.cold ?? {};
    const base = originals.get(app)?.measured?.cold;
    const unchanged = variant.name !== 'original' && sameBuild(variant, originals.get(app));
    const warm = variant.measured?.warm;
    const reuse = variant.measured?.dependencyLayer;
    return [
      app,
      variant.sameAs ? `${variant.name} (= ${variant.sameAs})` : variant.name,
      cold.ok ? 'ok' : 'FAILED',
      cold.smoke ? (cold.smoke.code === 0 ? 'ok' : `exit ${cold.smoke.code}`) : '-',
      cold.ok ? formatBytes(cold.size) : '-',
      variant.name === 'original' || !cold.ok || !base?.ok ? '' : percent(base.size, cold.size),
      cold.ok ? String(cold.layers) : '-',
      cold.seconds !== undefined && !variant.sameAs ? `${cold.seconds.toFixed(1)} s` : '-',
      warm && !variant.sameAs ? `${warm.seconds.toFixed(1)} s` : '-',
      reuse && !variant.sameAs ? (reuse.reused ? 'yes' : 'no') : '-',
      variant.name === 'original' ? '' : unchanged ? '(unchanged)' : variant.applied.join(', '),
    ];
  });
  return renderTable([header, ...body], { total: false });
}

function percent(before, after) {
  const change = ((after - before) / before) * 100;
  return `${change > 0 ? '+' : ''}${change.toFixed(1)}%`;
}
