/**
 * The engine's handling of changes to other files of the build context (`Report.files`): what is
 * accepted, what later passes see, and the transform bugs it refuses.
 */
import { initialize, optimizeSync } from '../src/api.js';
import { buildContextFrom, type BuildContext } from '../src/core/context.js';
import { defineTransform, type Transform } from '../src/core/transform.js';

beforeAll(() => initialize());

/** A context held in memory: path → contents. */
function memoryContext(files: Record<string, string>): BuildContext {
  return buildContextFrom('/ctx', 'Dockerfile', {
    kind: (path) =>
      path in files
        ? 'file'
        : Object.keys(files).some((p) => path === '' || p.startsWith(`${path}/`))
          ? 'directory'
          : null,
    readText: (path) => files[path] ?? null,
    list: (path) =>
      [
        ...new Set(
          Object.keys(files)
            .filter((p) => path === '' || p.startsWith(`${path}/`))
            .map((p) => p.slice(path ? path.length + 1 : 0).split('/')[0]),
        ),
      ].sort(),
  });
}

function proposing(id: string, path: string, text: (ctx: BuildContext) => string): Transform {
  return defineTransform({
    meta: { id, title: id, description: id, safety: 'safe', category: 'size' },
    create(ctx) {
      if (!ctx.buildContext) return;
      const wanted = text(ctx.buildContext);
      if (ctx.buildContext.readText(path) === wanted) return;
      ctx.report({
        message: `writes ${path}`,
        node: ctx.model.instructions[0],
        files: [{ path, text: wanted }],
      });
    },
  });
}

const DOCKERFILE = 'FROM debian:bookworm\nCOPY . /app\n';

test('a proposed file is returned with its contents before and after, and counts as a change', () => {
  const result = optimizeSync(DOCKERFILE, {
    only: ['t'],
    transforms: [proposing('t', '.dockerignore', () => '.git\n')],
    buildContext: memoryContext({ 'a.txt': 'x' }),
  });
  expect(result.errors).toEqual([]);
  expect(result.output).toBe(DOCKERFILE);
  expect(result.changed).toBe(true);
  expect(result.files).toEqual([{ path: '.dockerignore', before: null, after: '.git\n' }]);
  expect(result.findings.map((f) => [f.transform, f.status])).toEqual([['t', 'fixed']]);
});

test('later passes see the proposed file (and its exclusions); a proposal equal to the file on disk is no change', () => {
  const seen: [string | null, boolean][] = [];
  const reader = defineTransform({
    meta: { id: 'reader', title: 'r', description: 'r', safety: 'safe', category: 'size' },
    create(ctx) {
      const context = ctx.buildContext!;
      seen.push([context.readText('.dockerignore'), context.isExcluded('secret')]);
    },
  });
  const result = optimizeSync(DOCKERFILE, {
    only: ['t', 'reader'],
    transforms: [proposing('t', '.dockerignore', () => 'secret\n'), reader],
    buildContext: memoryContext({ '.dockerignore': 'old\n', secret: 's' }),
  });
  expect(seen).toEqual([
    ['old\n', false],
    ['secret\n', true],
  ]);
  expect(result.files).toEqual([{ path: '.dockerignore', before: 'old\n', after: 'secret\n' }]);

  const same = optimizeSync(DOCKERFILE, {
    only: ['t'],
    transforms: [proposing('t', '.dockerignore', () => 'old\n')],
    buildContext: memoryContext({ '.dockerignore': 'old\n' }),
  });
  expect(same.changed).toBe(false);
  expect(same.files).toEqual([]);
});

test('a file outside the context, the Dockerfile itself, or no context at all is a transform bug', () => {
  for (const path of ['../outside', 'Dockerfile']) {
    const result = optimizeSync(DOCKERFILE, {
      only: ['t'],
      transforms: [proposing('t', path, () => 'x\n')],
      buildContext: memoryContext({}),
    });
    expect(result.files).toEqual([]);
    expect(result.errors.map((e) => e.transform)).toEqual(['t']);
  }
  const blind = defineTransform({
    meta: { id: 'blind', title: 'b', description: 'b', safety: 'safe', category: 'size' },
    create(ctx) {
      ctx.report({
        message: 'm',
        node: ctx.model.instructions[0],
        files: [{ path: 'x', text: 'y' }],
      });
    },
  });
  const result = optimizeSync(DOCKERFILE, { only: ['blind'], transforms: [blind] });
  expect(result.errors[0].message).toContain('there is none');
  expect(result.changed).toBe(false);
});
