/**
 * The programmatic API as a user imports it: `import { optimize, transforms } from 'dockopt'`
 * (the package's own exports map, resolved to the build), its behaviour, and its types (a
 * TypeScript program using it compiles; a wrong use does not).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { defineTransform, optimize, optimizeSync, initialize, transforms } from 'dockopt';

const MESSY = 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y make\n';

test('optimize(text) rewrites and explains, with layers and estimates', async () => {
  const result = await optimize(MESSY, { filename: 'svc/Dockerfile' });
  expect(result.changed).toBe(true);
  // One RUN now: update and install together, the lists removed in the same layer.
  expect(result.output).toMatch(
    /^FROM debian:bookworm\nRUN apt-get update && \\\n {4}apt-get install .*make && \\\n {4}rm -rf \/var\/lib\/apt\/lists\/\*\n$/,
  );
  expect(result.output).toContain('--no-install-recommends');
  expect(result.findings.map((f) => [f.transform, f.status])).toEqual([
    ['apt-hygiene', 'fixed'],
    ['apt-hygiene', 'fixed'],
  ]);
  expect(result.findings.some((f) => f.estimate && f.estimate.bytes > 0)).toBe(true);
  expect(result.layers).toEqual({
    before: { RUN: 2, COPY: 0, ADD: 0, total: 2 },
    after: { RUN: 1, COPY: 0, ADD: 0, total: 1 },
  });
  expect(result.errors).toEqual([]);
  expect(result.skipped).toBeNull();
});

test('enable / disable / only / options select and tune transforms', async () => {
  const ids = transforms.map((t) => t.meta.id);
  expect(ids).toEqual(expect.arrayContaining(['apt-hygiene', 'collapse-run']));
  const none = await optimize(MESSY, { disable: ['apt-hygiene', 'collapse-run'] });
  expect(none.changed).toBe(false);
  const merged = await optimize(MESSY, { only: ['collapse-run'] });
  expect(merged.output).toBe(
    'FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get install -y make\n',
  );
  const tuned = await optimize(MESSY, {
    only: ['apt-hygiene'],
    options: { 'apt-hygiene': { noInstallRecommends: false } },
  });
  expect(tuned.output).not.toContain('--no-install-recommends');
  await expect(optimize(MESSY, { only: ['nope'] })).rejects.toThrow('unknown transform "nope"');
});

test('a custom transform made with defineTransform runs like a built-in one', async () => {
  const shout = defineTransform({
    meta: {
      id: 'shout-from',
      title: 'FROM in capitals',
      description: 'test transform',
      safety: 'safe',
      category: 'style',
    },
    create(ctx) {
      for (const node of ctx.model.instructions)
        if (node.keywordText === 'from')
          ctx.report({
            message: 'capitalised',
            node,
            fix: [{ start: node.start, end: node.start + 4, text: 'FROM' }],
          });
    },
  });
  await initialize();
  const result = optimizeSync('from alpine\n', { transforms: [shout], enable: ['shout-from'] });
  expect(result.output).toBe('FROM alpine\n');
  expect(result.findings).toEqual([
    expect.objectContaining({ transform: 'shout-from', status: 'fixed', line: 1, column: 1 }),
  ]);
});

describe('types', () => {
  const compile = (source: string) => {
    // Inside the package, so that 'dockopt' resolves to itself through its exports map.
    const file = join(process.cwd(), 'test', `.api-types-${process.pid}.ts`);
    writeFileSync(file, source);
    try {
      const program = ts.createProgram([file], {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      });
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    } finally {
      rmSync(file, { force: true });
    }
  };

  test('a typed use of the API compiles, a wrong one does not', () => {
    expect(
      compile(`import { optimize, transforms, type OptimizeResult, type Finding } from 'dockopt';
const ids: string[] = transforms.map((t) => t.meta.id);
const run = async (): Promise<number> => {
  const r: OptimizeResult = await optimize('FROM a\\n', { filename: 'x', enable: ids, unsafe: false,
    options: { 'collapse-run': { wrapLeaks: false } }, settings: { cacheStrategy: 'mounts' } });
  const f: Finding[] = r.findings;
  return f.length + (r.layers?.after.total ?? 0) + (r.changed ? 1 : 0) + r.output.length;
};
export default run;
`),
    ).toEqual([]);
    expect(
      compile(`import { optimize } from 'dockopt';
export const r = optimize('FROM a\\n', { settings: { cacheStrategy: 'sometimes' } });
`).join('\n'),
    ).toContain('"sometimes"');
  }, 30000);
});
