/** How results are shown: unified diffs, finding lines, the one-line summary. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { isAbsolute, relative } from 'node:path';
import type { Finding } from '../core/engine.js';

const ANSI = {
  red: '\u001b[31m',
  green: '\u001b[32m',
  cyan: '\u001b[36m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

/** The path as shown in diffs and messages: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  if (path === '-' || !isAbsolute(path)) return path.replace(/^\.\//, '');
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** A unified diff that `git apply` and `patch -p1` accept. */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
  color: boolean,
  /** A new file: the patch creates it (`--- /dev/null`). */
  created = false,
): string {
  const name = displayPath(path).replace(/^\/+/, '');
  const from = created ? '/dev/null' : `a/${name}`;
  const patch = createTwoFilesPatch(from, `b/${name}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
  return color ? colorize(patch) : patch;
}

export function colorize(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---'))
        return `${ANSI.bold}${line}${ANSI.reset}`;
      if (line.startsWith('@@')) return `${ANSI.cyan}${line}${ANSI.reset}`;
      if (line.startsWith('+')) return `${ANSI.green}${line}${ANSI.reset}`;
      if (line.startsWith('-')) return `${ANSI.red}${line}${ANSI.reset}`;
      return line;
    })
    .join('\n');
}

/** One finding as a line; `note` goes at the end (how a build bears on it, in the text report). */
export function findingLine(path: string, finding: Finding, note = ''): string {
  const saving = finding.estimate ? ` (~${formatBytes(finding.estimate.bytes)})` : '';
  const state = finding.status === 'fixed' ? '' : 'not fixed: ';
  return `${displayPath(path)}:${finding.line}: ${finding.transform}: ${state}${finding.message}${saving}${note}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(0)} kB`;
  return `${bytes} B`;
}

export interface Totals {
  changed: number;
  unchanged: number;
  skipped: number;
  errors: number;
  estimatedBytes: number;
}

export function summaryLine(totals: Totals, verb: string): string {
  const parts = [`${totals.changed} ${verb}`, `${totals.unchanged} unchanged`];
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  parts.push(`${totals.errors} error${totals.errors === 1 ? '' : 's'}`);
  const saving =
    totals.estimatedBytes > 0 ? ` (estimated saving ~${formatBytes(totals.estimatedBytes)})` : '';
  return `${parts.join(', ')}${saving}`;
}
