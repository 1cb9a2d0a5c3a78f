/**
 * Fixture discovery: `__fixtures__/<transform>/<case>.input.Dockerfile`, with an optional
 * `<case>.output.Dockerfile` (absent: the input must come back unchanged) and an optional
 * `<case>.options.json` ({ "enable": [...], "options": {...}, "settings": {...}, "context": "dir" })
 * for cases that need transform options, run-wide settings (`cacheStrategy`) or a build context
 * (a directory next to the fixture, relative to the transform's fixture folder).
 *
 * Comment lines at the top of an input say what the case expects to be reported:
 *   # expect: <text>    some finding of the transform contains <text>
 *   # expect-none       the transform reports nothing at all
 * An unchanged case must carry one of them, so it fails if the transform stops looking.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../src/core/context.js';

export interface FixtureCase {
  transform: string;
  name: string;
  input: string;
  expected: string;
  changes: boolean;
  expects: string[];
  expectNone: boolean;
  settings: {
    enable?: string[];
    options?: Record<string, Record<string, unknown>>;
    unsafe?: boolean;
    settings?: Partial<Settings>;
    context?: string;
  };
}

export const FIXTURES_DIR = join(process.cwd(), '__fixtures__');

export function fixtureCases(transform: string): FixtureCase[] {
  const dir = join(FIXTURES_DIR, transform);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.input.Dockerfile'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.input.Dockerfile'.length);
      const input = readFileSync(join(dir, file), 'utf8');
      const outputPath = join(dir, `${name}.output.Dockerfile`);
      const optionsPath = join(dir, `${name}.options.json`);
      const header = input
        .split('\n')
        .filter((line, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('#')));
      return {
        transform,
        name,
        input,
        expected: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : input,
        changes: existsSync(outputPath),
        expects: header.flatMap((l) => /^#\s*expect:\s*(.+?)\s*$/.exec(l)?.[1] ?? []),
        expectNone: header.some((l) => /^#\s*expect-none\s*$/.test(l)),
        settings: existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {},
      };
    });
}

export function fixtureTransforms(): string[] {
  return existsSync(FIXTURES_DIR) ? readdirSync(FIXTURES_DIR).sort() : [];
}
