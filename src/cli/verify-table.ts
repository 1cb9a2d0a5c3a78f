/** The table `dockopt verify` prints: one row per file built, then the total. */
import type { Measurement } from '../verify/measure.js';
import type { VerifyStatus } from '../verify/verify-file.js';
import { displayPath, formatBytes } from './output.js';

export interface VerifyRow {
  name: string;
  status: VerifyStatus;
  before: Measurement;
  /** The rewrite measured: the full one, or the one kept after rolling back culprits. */
  after?: Measurement;
  /** Transforms rolled back (`--write --verify`). */
  rolledBack: string[];
}

const RESULT: Record<VerifyStatus, string> = {
  ok: 'ok',
  failed: 'failed',
  'smoke-differs': 'smoke differs',
  'check-failed': 'check fails',
  'original-failed': 'original fails',
};

export function verifyTable(rows: readonly VerifyRow[]): string {
  const compressed = rows.some(
    (r) => typeof r.before.compressed === 'number' || typeof r.after?.compressed === 'number',
  );
  const header = ['file', 'result', 'size before → after', 'layers', 'build time'];
  if (compressed) header.splice(3, 0, 'compressed before → after');
  const lines = rows.map((row) => {
    const result =
      row.rolledBack.length > 0
        ? `${row.after ? 'ok' : 'nothing kept'} without ${row.rolledBack.join(', ')}`
        : RESULT[row.status];
    const after = row.after?.ok ? row.after : undefined;
    const cells = [
      displayPath(row.name),
      result,
      change(row.before.facts?.size, after?.facts?.size, sizeText),
      change(row.before.facts?.layers, after?.facts?.layers, String, false),
      `${seconds(row.before.seconds)} → ${row.after ? seconds(row.after.seconds) : '-'}`,
    ];
    if (compressed) cells.splice(3, 0, change(row.before.compressed, after?.compressed, sizeText));
    return cells;
  });
  const sum = (pick: (row: VerifyRow) => number | null | undefined) => {
    const values = rows.map(pick);
    return values.every((v) => typeof v === 'number')
      ? (values as number[]).reduce((a, b) => a + b, 0)
      : undefined;
  };
  const measured = rows.filter((r) => r.before.facts && r.after?.ok && r.after.facts);
  const sumOf = (pick: (row: VerifyRow) => number | null | undefined) => {
    const values = measured.map(pick);
    return values.every((v) => typeof v === 'number') && values.length > 0
      ? (values as number[]).reduce((a, b) => a + b, 0)
      : undefined;
  };
  const ok = rows.filter((r) => r.status === 'ok' || (r.rolledBack.length > 0 && r.after)).length;
  const total = [
    `total (${rows.length} file${rows.length === 1 ? '' : 's'})`,
    `${ok} ok, ${rows.length - ok} not`,
    change(
      sumOf((r) => r.before.facts?.size),
      sumOf((r) => r.after?.facts?.size),
      sizeText,
    ),
    change(
      sumOf((r) => r.before.facts?.layers),
      sumOf((r) => r.after?.facts?.layers),
      String,
      false,
    ),
    `${seconds(sum((r) => r.before.seconds) ?? 0)} → ${seconds(sum((r) => r.after?.seconds ?? 0) ?? 0)}`,
  ];
  if (compressed)
    total.splice(
      3,
      0,
      change(
        sumOf((r) => r.before.compressed),
        sumOf((r) => r.after?.compressed),
        sizeText,
      ),
    );
  return renderTable([header, ...lines, total]);
}

function change<T extends number>(
  before: T | null | undefined,
  after: T | null | undefined,
  show: (value: number) => string,
  withPercent = true,
): string {
  if (typeof before !== 'number') return '-';
  if (typeof after !== 'number') return `${show(before)} → -`;
  if (!withPercent) return `${show(before)} → ${show(after)}`;
  const percent =
    before > 0
      ? ` (${after >= before ? '+' : ''}${(((after - before) / before) * 100).toFixed(1)}%)`
      : '';
  return `${show(before)} → ${show(after)}${percent}`;
}

function sizeText(bytes: number): string {
  return formatBytes(bytes);
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

/** Left-aligned columns, two spaces apart, a rule under the header (and above the total row). */
export function renderTable(rows: readonly string[][], { total: hasTotal = true } = {}): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < cells.length - 1 ? c + ' '.repeat(widths[i] - [...c].length) : c))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const [header, ...body] = rows;
  const total = hasTotal ? body.pop() : undefined;
  return `${[line(header), rule, ...body.map(line), ...(total ? [rule, line(total)] : [])].join('\n')}\n`;
}
