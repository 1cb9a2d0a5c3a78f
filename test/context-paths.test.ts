/**
 * normalizeContextPath returns paths already in normal form as they are, without splitting them:
 * checked against the plain segment-by-segment definition on every path of up to seven characters
 * made of `a`, `.` and `/` (every mix of empty, `.`, `..`, dotted and plain segments).
 */
import { normalizeContextPath } from '../src/core/dockerignore.js';

/** The definition: drop empty and `.` segments, resolve `..`, null when it leaves the root. */
function bySegments(path: string): string | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') out.push(segment);
    else if (out.pop() === undefined) return null;
  }
  return out.join('/');
}

function allPaths(maxLength: number): string[] {
  let level = [''];
  const all = [''];
  for (let length = 1; length <= maxLength; length++) {
    level = level.flatMap((prefix) => ['a', '.', '/'].map((c) => prefix + c));
    all.push(...level);
  }
  return all;
}

test('agrees with the segment-by-segment definition on every short path', () => {
  const paths = allPaths(7);
  expect(paths).toHaveLength(3280);
  const disagreements = paths.filter((p) => normalizeContextPath(p) !== bySegments(p));
  expect(disagreements).toEqual([]);
});

test('examples', () => {
  expect(normalizeContextPath('src/app.py')).toBe('src/app.py');
  expect(normalizeContextPath('./src//app.py/')).toBe('src/app.py');
  expect(normalizeContextPath('.hidden/..dir/...')).toBe('.hidden/..dir/...');
  expect(normalizeContextPath('a/../b')).toBe('b');
  expect(normalizeContextPath('../outside')).toBeNull();
  expect(normalizeContextPath('')).toBe('');
});
