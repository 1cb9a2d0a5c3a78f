/** The measured numbers, one row per app and variant (the table the README shows). */
import { formatBytes } from '../../../dist/src/cli/output.js';
import { renderTable } from '../../../dist/src/cli/verify-table.js';
import { sameBuild } from './variants.js';

/**
 * @param rows [{ app, variant: { name, measured, applied, sameAs, text, skipped } }]
 * When an app has a measured `best` variant, a column gives the share of the best rewrite's byte
 * saving that each variant reaches: (original − variant) / (original − best).
 */
export function resultsTable(rows) {
  const bests = new Map(
    rows
      .filter((r) => r.variant.name === 'best' && r.variant.measured?.cold?.ok)
      .map((r) => [r.app, r.variant.measured.cold]),
  );
  const header = [
    'app',
    'variant',
    'build',
    'smoke',
    'size',
    'vs original',
    ...(bests.size > 0 ? ["share of best's saving"] : []),
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
    const share = bests.size > 0 ? [shareOfBest(base, cold, bests.get(app), variant.name)] : [];
    if (variant.skipped) {
      return [app, variant.name, 'skipped', ...Array(header.length - 4).fill('-'), variant.skipped];
    }
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
      ...share,
      cold.ok ? String(cold.layers) : '-',
      cold.seconds !== undefined && !variant.sameAs ? `${cold.seconds.toFixed(1)} s` : '-',
      warm && !variant.sameAs ? `${warm.seconds.toFixed(1)} s` : '-',
      reuse && !variant.sameAs ? (reuse.reused ? 'yes' : 'no') : '-',
      appliedColumn(variant, unchanged),
    ];
  });
  return renderTable([header, ...body], { total: false });
}

function appliedColumn(variant, unchanged) {
  if (variant.name === 'original') return '';
  if (variant.name === 'best') return '(hand-written: best.Dockerfile)';
  return unchanged ? '(unchanged)' : variant.applied.join(', ');
}

/** (original − variant) / (original − best), as a percentage; '' where it cannot be told. */
function shareOfBest(base, cold, best, name) {
  if (name === 'original' || !base?.ok || !cold?.ok || !best || best.size >= base.size) return '';
  return `${(((base.size - cold.size) / (base.size - best.size)) * 100).toFixed(0)}%`;
}

function percent(before, after) {
  const change = ((after - before) / before) * 100;
  return `${change > 0 ? '+' : ''}${change.toFixed(1)}%`;
}
