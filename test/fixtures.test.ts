/**
 * Every fixture, for every transform: the whole output (and the files of the build context it
 * changes) compared byte for byte, then automatically a second run on the result (nothing more to
 * change), a re-parse (no problem the input did not have), and the same case with CRLF line
 * endings and with a BOM.
 */
import { join } from 'node:path';
import { initialize, optimizeSync, type OptimizeResult } from '../src/api.js';
import { fsBuildContext } from '../src/fs/build-context.js';
import { withFiles, type BuildContext } from '../src/core/context.js';
import { parseDockerfile } from '../src/core/model.js';
import { newProblems, problemsOf } from '../src/core/validate.js';
import { builtinTransforms } from '../transforms/index.js';
import { fixtureCases, fixtureTransforms, type FixtureCase } from './helpers/fixtures.js';

const MIN_CASES = 25;
/** Issue 3's package-manager transforms need 15 (CONTRIBUTING.md). */
const MIN_CASES_BY_ID: Readonly<Record<string, number>> = {
  'apk-hygiene': 15,
  'dnf-yum-hygiene': 15,
  'zypper-hygiene': 15,
  'pip-hygiene': 15,
  'node-hygiene': 15,
  'gem-hygiene': 15,
  'fold-cleanup': 15,
  'fold-archive': 15,
  'cache-mounts': 15,
  'apt-keep-cache': 15,
};

beforeAll(() => initialize());

function contextOf(c: FixtureCase): BuildContext | null {
  return c.context
    ? fsBuildContext(c.context, c.dockerfile ? join(c.context, c.dockerfile) : null)
    : null;
}

function run(c: FixtureCase, text: string, buildContext = contextOf(c)) {
  return optimizeSync(text, {
    only: [c.transform, ...(c.settings.enable ?? [])],
    options: c.settings.options,
    settings: c.settings.settings,
    buildContext,
    buildFacts: c.settings.buildFacts,
    filename: `${c.name}.Dockerfile`,
  });
}

/** The context files a run changes, as path → new contents. */
function filesOf(result: OptimizeResult): Map<string, string> {
  return new Map(result.files.map((f) => [f.path, f.after]));
}

test('every fixture folder names a registered transform', () => {
  const ids = new Set(builtinTransforms.map((t) => t.meta.id));
  expect(fixtureTransforms().filter((dir) => !ids.has(dir))).toEqual([]);
});

describe.each(builtinTransforms.map((t) => t.meta.id))('%s', (id) => {
  const cases = fixtureCases(id);
  const minimum = MIN_CASES_BY_ID[id] ?? MIN_CASES;

  test(`has at least ${minimum} fixture cases, rewrites and refusals`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(minimum);
    expect(cases.some((c) => c.changes)).toBe(true);
    expect(cases.some((c) => !c.changes)).toBe(true);
  });

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    test('output matches byte for byte', () => {
      const result = run(c, c.input);
      expect(result.errors).toEqual([]);
      expect(result.output).toBe(c.expected);
      expect(filesOf(result)).toEqual(c.expectedFiles);
      const mine = result.findings.filter((f) => f.transform === id);
      for (const expected of c.expects) {
        expect(mine.map((f) => f.message)).toEqual(
          expect.arrayContaining([expect.stringContaining(expected)]),
        );
      }
      if (c.expectNone) expect(mine).toEqual([]);
      if (c.expectQuestion) expect(mine.some((f) => f.question !== undefined)).toBe(true);
      if (!c.changes) expect(c.expects.length > 0 || c.expectNone || c.expectQuestion).toBe(true);
    });

    test('a second run changes nothing', () => {
      const context = contextOf(c);
      const again = run(c, c.expected, context && withFiles(context, c.expectedFiles));
      expect(again.errors).toEqual([]);
      expect(again.output).toBe(c.expected);
      expect(again.files).toEqual([]);
    });

    test('the output parses: no problem the input did not have', () => {
      // The run's own output, not the expectation: both could carry the same problem.
      const output = run(c, c.input).output;
      const before = problemsOf(parseDockerfile(c.input));
      expect(newProblems(before, problemsOf(parseDockerfile(output)))).toEqual([]);
    });

    test('CRLF line endings come back as CRLF', () => {
      const crlf = (s: string) => s.replace(/\n/g, '\r\n');
      const result = run(c, crlf(c.input));
      expect(result.output).toBe(crlf(c.expected));
      expect(filesOf(result)).toEqual(c.expectedFiles);
    });

    test('a BOM comes back', () => {
      const result = run(c, `\uFEFF${c.input}`);
      expect(result.output).toBe(`\uFEFF${c.expected}`);
      expect(filesOf(result)).toEqual(c.expectedFiles);
    });
  });
});
