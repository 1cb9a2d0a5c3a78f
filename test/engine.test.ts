/**
 * The engine on its own, with small transforms written for these tests: fix selection, deferral,
 * the revert of fixes that break the file, cycles, the pass limit, ignore comments, locations.
 */
import { runEngine, NotADockerfileError } from '../src/core/engine.js';
import { readSource, SourceError } from '../src/core/source.js';
import { defineTransform, type Transform, type TransformContext } from '../src/core/transform.js';
import type { InstructionNode } from '../src/core/model.js';
import { initShellParser } from '../src/shell/parser.js';
import collapseRun from '../transforms/collapse-run/index.js';

beforeAll(() => initShellParser());

/** A transform that rewrites the arguments of every RUN whose arguments equal `from`. */
function replaceRunArgs(
  id: string,
  from: string,
  to: string,
  extra: Partial<Transform['meta']> = {},
): Transform {
  return defineTransform({
    meta: { id, title: id, description: id, safety: 'safe', category: 'size', ...extra },
    create(ctx) {
      for (const node of runs(ctx)) {
        const args = node.args!;
        if (ctx.model.text.slice(args.start, args.end) === from) {
          ctx.report({
            message: `${from} -> ${to}`,
            node,
            fix: [{ start: args.start, end: args.end, text: to }],
          });
        }
      }
    },
  });
}

function runs(ctx: TransformContext): InstructionNode[] {
  return ctx.model.instructions.filter((n) => n.keyword === 'RUN' && n.args);
}

function run(text: string, transforms: Transform[]) {
  return runEngine(readSource(text), { transforms });
}

test('fixes on different instructions are applied in one pass', () => {
  const result = run('FROM a\nRUN one\nRUN two\n', [
    replaceRunArgs('t1', 'one', 'uno'),
    replaceRunArgs('t2', 'two', 'dos'),
  ]);
  expect(result.output).toBe('FROM a\nRUN uno\nRUN dos\n');
  expect(result.passes).toBe(1);
  expect(result.findings.map((f) => [f.transform, f.status, f.line])).toEqual([
    ['t1', 'fixed', 2],
    ['t2', 'fixed', 3],
  ]);
});

test('two fixes on one instruction: the second is deferred to the next pass, judged on the new text', () => {
  const result = run('FROM a\nRUN one\n', [
    replaceRunArgs('t1', 'one', 'two'),
    replaceRunArgs('t2', 'two', 'three'),
    replaceRunArgs('t3', 'one', 'never'),
  ]);
  // t1 (registry order first) wins pass 1; t3's fix no longer applies to "two"; t2 applies in pass 2.
  expect(result.output).toBe('FROM a\nRUN three\n');
  expect(result.passes).toBe(2);
  expect(result.findings.filter((f) => f.status === 'fixed').map((f) => f.transform)).toEqual([
    't1',
    't2',
  ]);
});

test('a fix whose result is not a Dockerfile any more is reverted and reported; others still apply', () => {
  const breaker = defineTransform({
    meta: { id: 'breaker', title: '', description: '', safety: 'safe', category: 'size' },
    create(ctx) {
      const from = ctx.model.instructions[0];
      if (!ctx.model.text.includes('BOGUS'))
        ctx.report({
          message: 'break',
          node: from,
          fix: [{ start: from.end, end: from.end, text: '\nBOGUS instruction' }],
        });
    },
  });
  const result = run('FROM a\nRUN one\n', [breaker, replaceRunArgs('fine', 'one', 'uno')]);
  expect(result.output).toBe('FROM a\nRUN uno\n');
  expect(result.errors).toEqual([
    {
      transform: 'breaker',
      message: expect.stringContaining(
        'reverted because the result would not parse (unknown instruction BOGUS)',
      ),
    },
  ]);
});

test('a fix that breaks the shell of a RUN is reverted', () => {
  const result = run('FROM a\nRUN echo one\n', [
    replaceRunArgs('shell-breaker', 'echo one', 'echo one && && echo two'),
  ]);
  expect(result.output).toBe('FROM a\nRUN echo one\n');
  expect(result.changed).toBe(false);
  expect(result.errors[0].message).toContain('shell syntax: RUN echo one && && echo two');
});

test('fixes that undo one another stop with an error instead of looping', () => {
  const result = run('FROM a\nRUN a\n', [
    replaceRunArgs('ab', 'a', 'b'),
    replaceRunArgs('ba', 'b', 'a'),
  ]);
  expect(result.errors).toEqual([
    { transform: null, message: expect.stringContaining('undo one another') },
  ]);
});

test('the pass limit stops a transform that never settles, and says so', () => {
  const grower = defineTransform({
    meta: { id: 'grower', title: '', description: '', safety: 'safe', category: 'size' },
    create(ctx) {
      for (const node of runs(ctx))
        ctx.report({ message: 'grow', node, fix: [{ start: node.end, end: node.end, text: 'x' }] });
    },
  });
  const result = runEngine(readSource('FROM a\nRUN a\n'), { transforms: [grower], maxPasses: 3 });
  expect(result.output).toBe('FROM a\nRUN axxx\n');
  expect(result.errors).toEqual([
    { transform: null, message: 'fixes still pending after 3 passes; run again to apply the rest' },
  ]);
});

test('a transform that throws is reported as an internal error and the others still run', () => {
  const thrower = defineTransform({
    meta: { id: 'thrower', title: '', description: '', safety: 'safe', category: 'size' },
    create() {
      throw new Error('boom');
    },
  });
  const result = run('FROM a\nRUN one\n', [thrower, replaceRunArgs('fine', 'one', 'uno')]);
  expect(result.output).toBe('FROM a\nRUN uno\n');
  expect(result.errors).toEqual([
    { transform: 'thrower', message: expect.stringContaining('internal error: Error: boom') },
  ]);
});

describe('ignore comments', () => {
  const t = replaceRunArgs('my-id', 'one', 'uno', { hadolint: ['DL9999'] });

  test.each([
    ['# dockopt ignore=my-id', false],
    ['# dockopt ignore=other,my-id', false],
    ['# dockopt ignore', false],
    ['# hadolint ignore=DL9999', false],
    ['# hadolint ignore=DL1111', true],
    ['# dockopt ignore=other', true],
    ['# unrelated comment', true],
  ])('%s above the instruction', (comment, applies) => {
    const text = `FROM a\n${comment}\n# another comment in the same block\nRUN one\n`;
    expect(run(text, [t]).changed).toBe(applies);
  });

  test('a blank line ends the comment block', () => {
    expect(run('FROM a\n# dockopt ignore=my-id\n\nRUN one\n', [t]).changed).toBe(true);
  });

  test('ignore-file and hadolint global ignore skip the whole file', () => {
    expect(run('# dockopt ignore-file\nFROM a\nRUN one\n', [t]).skipped).toBe(
      '# dockopt ignore-file',
    );
    expect(run('# hadolint global ignore=DL9999\nFROM a\nRUN one\n', [t]).changed).toBe(false);
  });

  test('a fix that edits an ignored instruction is dropped even if the finding names another', () => {
    const sneaky = defineTransform({
      meta: { id: 'my-id', title: '', description: '', safety: 'safe', category: 'size' },
      create(ctx) {
        const [first, second] = runs(ctx);
        ctx.report({
          message: 'edit the second',
          node: first,
          fix: [{ start: second.args!.start, end: second.args!.end, text: 'changed' }],
        });
      },
    });
    expect(run('FROM a\nRUN one\n# dockopt ignore=my-id\nRUN two\n', [sneaky]).changed).toBe(false);
  });

  test.each([
    ['at the very start of the ignored instruction', (n: InstructionNode) => n.start],
    ['at its very end', (n: InstructionNode) => n.end],
  ])('an insertion %s counts as an edit of it', (_where, at) => {
    const inserting = defineTransform({
      meta: { id: 'my-id', title: '', description: '', safety: 'safe', category: 'size' },
      create(ctx) {
        const [first, second] = runs(ctx);
        const offset = at(second);
        ctx.report({
          message: 'insert next to the second',
          node: first,
          fix: [{ start: offset, end: offset, text: offset === second.start ? '# x\n' : ' x' }],
        });
      },
    });
    expect(run('FROM a\nRUN one\n# dockopt ignore=my-id\nRUN two\n', [inserting]).changed).toBe(
      false,
    );
  });
});

test('findings from later passes are located in the original text', () => {
  const result = run('FROM a\nRUN one\n\n\nRUN two\n', [
    replaceRunArgs('t1', 'one', 'a\\\n  b\\\n  c'),
    replaceRunArgs('t2', 'two', 'zwei'),
  ]);
  const t2 = result.findings.find((f) => f.transform === 't2')!;
  expect(t2.line).toBe(5);
  expect(t2.column).toBe(1);
});

test('Windows Dockerfiles are left alone as a whole', () => {
  const result = run('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN one\n', [
    replaceRunArgs('t', 'one', 'uno'),
  ]);
  expect(result.skipped).toContain('Windows');
  expect(result.changed).toBe(false);
});

test('unknown instructions: not a Dockerfile', () => {
  expect(() => run('import os\nprint(1)\n', [])).toThrow(NotADockerfileError);
});

describe('source model', () => {
  test('CRLF and BOM come back; the working text has neither', () => {
    const source = readSource('\uFEFFFROM a\r\nRUN one\r\n');
    expect(source.text).toBe('FROM a\nRUN one\n');
    expect(runEngine(source, { transforms: [replaceRunArgs('t', 'one', 'uno')] }).output).toBe(
      '\uFEFFFROM a\r\nRUN uno\r\n',
    );
  });

  test('mixed line endings are refused', () => {
    expect(() => readSource('FROM a\r\nRUN one\n')).toThrow(SourceError);
    expect(() => readSource('FROM a\rRUN one\r')).toThrow(SourceError);
  });

  test('a missing final newline stays missing', () => {
    expect(run('FROM a\nRUN one', [replaceRunArgs('t', 'one', 'uno')]).output).toBe(
      'FROM a\nRUN uno',
    );
  });

  test('the escape character comes from the directive', () => {
    expect(readSource('# escape=`\nFROM a\n').escapeChar).toBe('`');
    expect(readSource('# comment\n# escape=`\nFROM a\n').escapeChar).toBe('\\');
  });
});

test('a run of consecutive RUNs is joined in one pass, not pairwise over log2(N) passes', () => {
  const text = `FROM a\n${Array.from({ length: 10 }, (_, i) => `RUN echo ${i}\n`).join('')}`;
  const result = run(text, [collapseRun]);
  expect(result.output).toBe(
    `FROM a\nRUN echo 0 && \\\n${Array.from({ length: 9 }, (_, i) => `    echo ${i + 1}`).join(' && \\\n')}\n`,
  );
  expect(result.passes).toBe(1);
  expect(result.findings.map((f) => [f.status, f.line, f.message])).toEqual([
    ['fixed', 2, 'merged 10 consecutive RUN instructions into one layer'],
  ]);
});

test('a transform is told which instructions an ignore comment exempts from it', () => {
  const seen: [number, boolean][] = [];
  const probe = defineTransform({
    meta: { id: 'probe', title: 'p', description: 'p', safety: 'safe', category: 'size' },
    create(ctx) {
      for (const node of runs(ctx)) seen.push([node.firstLine + 1, ctx.ignored(node)]);
    },
  });
  run('FROM a\nRUN one\n# dockopt ignore=probe\nRUN two\n# dockopt ignore=other\nRUN three\n', [
    probe,
  ]);
  expect(seen).toEqual([
    [2, false],
    [4, true],
    [6, false],
  ]);
});

test('a fix that would leave a line ending in the escape character (continuing it) is refused', () => {
  // Deleting ` && b` from `echo a\ && b` leaves `echo a\ `: Docker would read ENV as part of the RUN.
  const dropB = defineTransform({
    meta: { id: 'drop-b', title: 'd', description: 'd', safety: 'safe', category: 'size' },
    create(ctx) {
      for (const node of runs(ctx)) {
        const at = ctx.model.text.indexOf(' && b', node.start);
        if (at !== -1 && at < node.end)
          ctx.report({ message: 'dropped b', node, fix: [{ start: at, end: at + 5, text: '' }] });
      }
    },
  });
  const text = 'FROM a\nRUN echo a\\ && b\nENV A=1\nRUN echo c && b\n';
  const result = run(text, [dropB]);
  // The refused fix is left out; the transform's other fix of that pass, on another RUN, applies.
  expect(result.output).toBe('FROM a\nRUN echo a\\ && b\nENV A=1\nRUN echo c\n');
  expect(result.errors).toEqual([
    {
      transform: 'drop-b',
      message:
        'internal error: a fix would leave a line ending in the escape character, which joins the next line to it; please report this',
    },
  ]);
  // The same deletion where the line does not end up continued is fine.
  expect(run('FROM a\nRUN echo a && b\nENV A=1\n', [dropB]).output).toBe(
    'FROM a\nRUN echo a\nENV A=1\n',
  );
});
