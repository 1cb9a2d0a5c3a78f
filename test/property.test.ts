/**
 * Property-based tests of the whole pipeline (every registered transform that is on by default,
 * together), over Dockerfiles generated from a grammar (test/helpers/generator.ts):
 *   - it never throws and reports no internal error;
 *   - BOM, line endings and the final newline come back as they were;
 *   - the output parses: no Dockerfile or shell problem the input did not have;
 *   - running again changes nothing;
 *   - every changed byte lies within the lines of what an applied fix is about (checked on the two
 *     texts: src/core/confinement.ts);
 *   - the final stage's configuration (ENV, LABEL, USER, WORKDIR, EXPOSE, VOLUME, ENTRYPOINT, CMD)
 *     is the same;
 *   - `# dockopt ignore-file` anywhere leaves the file byte-identical, and an instruction under
 *     `# dockopt ignore` comes back untouched.
 * With `--unsafe` (every transform), the first five still hold (the configuration may change).
 *
 * `npm test` runs a fixed seed (the same cases every time, so CI does not flake); set
 * DOCKOPT_SEED=<n> to replay another. `npm run fuzz` runs many more cases from a fresh seed, printed
 * first (DOCKOPT_FUZZ_RUNS=<n> to change how many). A failure prints the seed, the fast-check path
 * and the shrunk Dockerfile: add that file as a regression fixture where the bug is fixed.
 */
import fc from 'fast-check';
import { initialize, optimizeSync, type OptimizeResult } from '../src/api.js';
import { parseDockerfile } from '../src/core/model.js';
import { newProblems, problemsOf } from '../src/core/validate.js';
import { selectTransforms } from '../src/core/selection.js';
import { defineTransform, type Transform } from '../src/core/transform.js';
import { builtinTransforms } from '../transforms/index.js';
import { changeOutsideFixes } from '../src/core/confinement.js';
import { dockerfileArbitrary } from './helpers/generator.js';
import { finalStageConfig } from '../src/core/image-config.js';

const FUZZ = process.env.DOCKOPT_FUZZ === '1';
const SEED = process.env.DOCKOPT_SEED
  ? Number(process.env.DOCKOPT_SEED)
  : FUZZ
    ? (Date.now() ^ (process.pid << 16)) | 0
    : 20260801;
const FUZZ_RUNS = Number(process.env.DOCKOPT_FUZZ_RUNS ?? 20000);
/** Cases per property in `npm test`; `npm run fuzz` scales them all up to FUZZ_RUNS for the main one. */
const runs = (ci: number) => (FUZZ ? Math.round((FUZZ_RUNS * ci) / CI_RUNS.main) : ci);
const CI_RUNS = { main: 1000, unsafe: 200, ignoreFile: 500, ignoreInstruction: 500 };

const BOM = '\uFEFF';
const plain = (s: string) => s.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
const defaultIds = selectTransforms(builtinTransforms, {}).map((t) => t.meta.id);

beforeAll(async () => {
  await initialize();
  if (FUZZ) console.log(`property tests: seed ${SEED}, ${FUZZ_RUNS} cases for the main property`);
});

/** fast-check with this file's seed; a failure says how to replay it. */
function check<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IPropertyWithHooks<Ts>,
  numRuns: number,
): void {
  try {
    fc.assert(property, { seed: SEED, numRuns });
  } catch (error) {
    (error as Error).message =
      `${name}: replay with DOCKOPT_SEED=${SEED} npx jest test/property.test.ts\n${(error as Error).message}`;
    throw error;
  }
}

/** Runs the pipeline; a thrown error fails the property with the input attached. */
function optimize(text: string, unsafe = false, extra: Transform[] = []): OptimizeResult {
  return optimizeSync(text, { unsafe, transforms: extra, filename: 'Dockerfile' });
}

/** Re-applies the conventions of `raw` (BOM, CRLF) to working text. */
function like(raw: string, text: string): string {
  const body = raw.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text;
  return raw.startsWith(BOM) ? BOM + body : body;
}

function expectSameConventions(input: string, output: string): void {
  expect(output.startsWith(BOM)).toBe(input.startsWith(BOM));
  if (input.includes('\r\n')) expect(output.replace(/\r\n/g, '')).not.toContain('\n');
  else expect(output).not.toContain('\r');
  expect(output.endsWith('\n')).toBe(input.endsWith('\n'));
}

/** The first four properties; returns the two parsed texts when the file changed. */
function expectParsesAndIdempotent(
  input: string,
  first: OptimizeResult,
  unsafe: boolean,
  extra: Transform[] = [],
) {
  expect(first.errors).toEqual([]);
  expectSameConventions(input, first.output);
  if (!first.changed) {
    expect(first.output).toBe(input);
    return null;
  }
  const before = parseDockerfile(plain(input));
  const after = parseDockerfile(plain(first.output));
  expect(newProblems(problemsOf(before), problemsOf(after))).toEqual([]);
  const second = optimize(first.output, unsafe, extra);
  expect(second.errors).toEqual([]);
  expect(second.output).toBe(first.output);
  return { before, after };
}

/** The properties of the safe pipeline, with `extra` transforms registered (for the self-test). */
const safePipeline = (extra: Transform[] = []) =>
  fc.property(dockerfileArbitrary, ({ text }) => {
    const first = optimize(text, false, extra);
    const models = expectParsesAndIdempotent(text, first, false, extra);
    if (!models) return;
    const { before, after } = models;
    expect(changeOutsideFixes(before.text, after.text, first.findings)).toBeNull();
    expect(finalStageConfig(after)).toEqual(finalStageConfig(before));
  });

test('safe pipeline: no throw, conventions kept, parses, idempotent, edits confined, config kept', () => {
  check('safe pipeline', safePipeline(), runs(CI_RUNS.main));
});

test('the safe-pipeline properties catch a transform that edits outside its instruction or changes the config', () => {
  const failure = (saboteur: Transform) => {
    const outcome = fc.check(safePipeline([saboteur]), { seed: SEED, numRuns: 300 });
    return outcome.failed ? String((outcome.errorInstance as Error).message) : 'no failure';
  };
  // Each fails the check meant for it: the edit outside its zone, the changed ENV value.
  expect(failure(editsOutside)).toMatch(/toBeNull\(\)[\s\S]*"piece"/);
  expect(failure(changesConfig)).toMatch(/toEqual[\s\S]*_x/);
});

test('--unsafe pipeline: no throw, conventions kept, parses, idempotent, edits confined', () => {
  check(
    'unsafe pipeline',
    fc.property(dockerfileArbitrary, ({ text }) => {
      const first = optimize(text, true);
      const models = expectParsesAndIdempotent(text, first, true);
      if (models)
        expect(
          changeOutsideFixes(models.before.text, models.after.text, first.findings),
        ).toBeNull();
    }),
    runs(CI_RUNS.unsafe),
  );
});

test('# dockopt ignore-file anywhere between instructions: the file comes back byte-identical', () => {
  check(
    'ignore-file',
    fc.property(
      dockerfileArbitrary,
      fc.nat(),
      fc.constantFrom('# dockopt ignore-file', '#dockopt ignore-file', '# DOCKOPT IGNORE-FILE'),
      ({ text }, pick, comment) => {
        const working = plain(text);
        const model = parseDockerfile(working);
        const at = pick % (model.instructions.length + 1);
        const withComment =
          at < model.instructions.length
            ? insertLineAt(
                working,
                model.lines.lineStart(model.instructions[at].firstLine),
                comment,
              )
            : `${working}${working.endsWith('\n') || working === '' ? '' : '\n'}${comment}\n`;
        const input = like(text, withComment);
        const result = optimize(input);
        expect(result.errors).toEqual([]);
        expect(result.output).toBe(input);
        expect(result.skipped).not.toBeNull();
      },
    ),
    runs(CI_RUNS.ignoreFile),
  );
});

test('an instruction under # dockopt ignore comes back untouched', () => {
  check(
    'ignore instruction',
    fc.property(
      dockerfileArbitrary,
      fc.nat(),
      fc.constantFrom('# dockopt ignore', `# dockopt ignore=${defaultIds.join(',')}`),
      ({ text }, pick, comment) => {
        const working = plain(text);
        const model = parseDockerfile(working);
        if (model.instructions.length === 0) return;
        const node = model.instructions[pick % model.instructions.length];
        const lineStart = model.lines.lineStart(node.firstLine);
        const input = insertLineAt(working, lineStart, comment);
        // The instruction as written, its whole lines (trailing blanks included: without them it
        // could match another instruction); unique in the file, so it can be found.
        const own = `\n${working.slice(lineStart, model.lines.lineEnd(node.lastLine))}\n`;
        fc.pre(occurrences(`\n${input}\n`, own) === 1);
        const result = optimize(like(text, input));
        expect(result.errors).toEqual([]);
        expect(occurrences(`\n${plain(result.output)}\n`, own)).toBe(1);
      },
    ),
    runs(CI_RUNS.ignoreInstruction),
  );
});

function insertLineAt(text: string, offset: number, line: string): string {
  return `${text.slice(0, offset)}${line}\n${text.slice(offset)}`;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** Reports the first RUN but edits the top of the file: outside what its finding is about. */
const editsOutside = defineTransform({
  meta: { id: 'edits-outside', title: '', description: '', safety: 'safe', category: 'size' },
  create(ctx) {
    const run = ctx.model.instructions.find((n) => n.keyword === 'RUN' && n.firstLine > 0);
    if (run && !ctx.model.text.startsWith('# sabotage\n'))
      ctx.report({ message: 'x', node: run, fix: [{ start: 0, end: 0, text: '# sabotage\n' }] });
  },
});

/** Rewrites an ENV value of the final stage, within its own instruction. */
const changesConfig = defineTransform({
  meta: { id: 'changes-config', title: '', description: '', safety: 'safe', category: 'size' },
  create(ctx) {
    const final = ctx.model.stages[ctx.model.stages.length - 1];
    const env = final?.instructions.find((n) => n.keyword === 'ENV');
    if (env && !ctx.model.text.slice(env.start, env.end).endsWith('_x'))
      ctx.report({ message: 'x', node: env, fix: [{ start: env.end, end: env.end, text: '_x' }] });
  },
});
