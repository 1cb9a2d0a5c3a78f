/**
 * Syntax that real Dockerfiles contain, run through the DEFAULT transform set (every transform that
 * is on by default, together, exactly as `dockopt <file>` runs them), compared byte for byte.
 *
 *   test/syntax/<case>.input.Dockerfile    the file as a user wrote it (CRLF, BOM, tabs: as is)
 *   test/syntax/<case>.output.Dockerfile   what dockopt must turn it into; absent: unchanged
 *
 * These expectations are about the whole default pipeline, not one transform. When a new transform
 * lands (or an existing one changes) and an output here changes, this suite FAILS ON PURPOSE: the
 * new output has to be re-reviewed by a person, case by case, before the expectation is updated.
 * Look at it with `node bin/dockopt.js test/syntax/<case>.input.Dockerfile` (a diff and the reasons),
 * check it against what the case is about (its name), and only then write the new
 * `<case>.output.Dockerfile` (or delete it when the case must now come back unchanged). Never
 * regenerate these files wholesale: a Windows file that starts to change, or a heredoc body that
 * gets edited, is a bug in the transform, not a new expectation.
 *
 * Each case is also run again on its output (nothing more may change), re-parsed (no problem the
 * input did not have), and, when the input has LF endings and no BOM, with CRLF and with a BOM.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialize, optimizeSync } from '../src/api.js';
import { parseDockerfile } from '../src/core/model.js';
import { newProblems, problemsOf } from '../src/core/validate.js';

const DIR = join(process.cwd(), 'test', 'syntax');
const INPUT = '.input.Dockerfile';

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith(INPUT))
  .sort()
  .map((file) => {
    const name = file.slice(0, -INPUT.length);
    const input = readFileSync(join(DIR, file), 'utf8');
    const outputPath = join(DIR, `${name}.output.Dockerfile`);
    return {
      name,
      input,
      expected: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : input,
    };
  });

const plain = (s: string) => s.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
const run = (text: string) => optimizeSync(text, { filename: 'Dockerfile' });

beforeAll(() => initialize());

test('every output file has its input', () => {
  const orphans = readdirSync(DIR)
    .filter((f) => f.endsWith('.output.Dockerfile'))
    .filter((f) => !existsSync(join(DIR, f.replace('.output.', '.input.'))));
  expect(orphans).toEqual([]);
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('default transforms: output matches byte for byte', () => {
    const result = run(c.input);
    expect(result.errors).toEqual([]);
    expect(result.output).toBe(c.expected);
  });

  test('a second run changes nothing', () => {
    const again = run(c.expected);
    expect(again.errors).toEqual([]);
    expect(again.output).toBe(c.expected);
  });

  test('the output parses: no problem the input did not have', () => {
    // The run's own output, not the expectation: both could carry the same problem.
    const output = run(c.input).output;
    const before = problemsOf(parseDockerfile(plain(c.input)));
    expect(newProblems(before, problemsOf(parseDockerfile(plain(output))))).toEqual([]);
  });

  const lfOnly = !c.input.includes('\r') && !c.input.startsWith('\uFEFF');
  (lfOnly ? test : test.skip)('with CRLF line endings and with a BOM', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    expect(run(crlf(c.input)).output).toBe(crlf(c.expected));
    expect(run(`\uFEFF${c.input}`).output).toBe(`\uFEFF${c.expected}`);
  });
});
