/**
 * Verification through the API: the bisection on its own, and `optimizeVerified` rolling back a
 * deliberately broken custom transform (passed in `transforms`, never registered), with a fake
 * docker on PATH.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialize, optimizeSync } from '../src/api.js';
import { defineTransform } from '../src/core/transform.js';
import { optimizeVerified } from '../src/verify/api.js';
import { bisectCulprits, type Trial } from '../src/verify/bisect.js';
import { installFakeBuilders, type FakeBuilders } from './helpers/fake-builders.js';

describe('bisectCulprits', () => {
  const run = async (ids: string[], breaks: (subset: string[]) => boolean) => {
    const tried: string[][] = [];
    const result = await bisectCulprits<string>(
      ids,
      { ok: false, detail: 'full' },
      async (subset): Promise<Trial<string>> => {
        tried.push(subset);
        return { ok: !breaks(subset), detail: subset.join('+') };
      },
    );
    return { ...result, tried };
  };

  test('one culprit among five: kept are the others, each trial a real subset', async () => {
    const result = await run(['a', 'b', 'c', 'd', 'e'], (s) => s.includes('d'));
    expect(result.kept).toEqual(['a', 'b', 'c', 'e']);
    expect(result.culprits).toEqual([{ id: 'd', trial: { ok: false, detail: 'a+b+c+d' } }]);
    // a+b+c+d+e is the full set, known to fail: not built again.
    expect(result.tried).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c', 'd'],
      ['a', 'b', 'c', 'e'],
    ]);
    expect(result.trials).toBe(3);
  });

  test('two culprits are both found, and the rest kept', async () => {
    const result = await run(['a', 'b', 'c', 'd'], (s) => s.includes('a') || s.includes('c'));
    expect(result.kept).toEqual(['b', 'd']);
    expect(result.culprits.map((c) => c.id)).toEqual(['a', 'c']);
  });

  test('a transform that breaks only together with another is the one named', async () => {
    const result = await run(['a', 'b', 'c'], (s) => s.includes('a') && s.includes('c'));
    expect(result.kept).toEqual(['a', 'b']);
    expect(result.culprits.map((c) => c.id)).toEqual(['c']);
  });

  test('a single transform that fails is the culprit without another build', async () => {
    const result = await run(['a'], () => true);
    expect(result).toEqual({
      kept: [],
      culprits: [{ id: 'a', trial: { ok: false, detail: 'full' } }],
      trials: 0,
      tried: [],
    });
  });
});

/** Deliberately broken: makes the last RUN of the file fail. For this test only. */
/** Each fake builder call starts a node process: allow for a loaded machine. */
const SLOW = 60_000;

const breakLastRun = defineTransform({
  meta: {
    id: 'break-last-run',
    title: 'Test transform that breaks the build',
    description: 'Appends `&& false` to the last RUN, so that the build fails.',
    safety: 'safe',
    category: 'size',
  },
  create(ctx) {
    const runs = ctx.model.instructions.filter((n) => n.keyword === 'RUN');
    const last = runs[runs.length - 1];
    if (!last || ctx.model.text.slice(last.start, last.end).endsWith('&& false')) return;
    ctx.report({
      message: 'made the last RUN fail',
      node: last,
      fix: [{ start: last.end, end: last.end, text: ' && false' }],
    });
  },
});

describe('optimizeVerified', () => {
  beforeAll(() => initialize());
  const INPUT = 'FROM debian:bookworm\nRUN echo one\nRUN echo two\n';
  let dir: string;
  let fakes: FakeBuilders;
  const savedEnv = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dockopt-verify-api-'));
    writeFileSync(join(dir, 'Dockerfile'), INPUT);
    fakes = installFakeBuilders(dir, ['docker']);
    Object.assign(process.env, fakes.env);
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    rmSync(dir, { recursive: true, force: true });
  });

  test(
    'rolls back a broken custom transform and keeps the rest, naming it with the error',
    async () => {
      const options = { only: ['collapse-run', 'break-last-run'], transforms: [breakLastRun] };
      // Unverified, the broken transform is in the rewrite.
      expect(optimizeSync(INPUT, options).output).toBe(
        'FROM debian:bookworm\nRUN echo one && \\\n    echo two && false\n',
      );
      const result = await optimizeVerified(join(dir, 'Dockerfile'), {
        ...options,
        builder: 'docker',
      });
      expect(result.output).toBe('FROM debian:bookworm\nRUN echo one && \\\n    echo two\n');
      expect(result.changed).toBe(true);
      const verification = result.verification!;
      expect(verification.status).toBe('failed');
      expect(verification.kept).toEqual(['collapse-run']);
      expect(verification.culprits).toEqual([
        {
          transform: 'break-last-run',
          reason: expect.stringContaining(
            'error building at STEP "echo two && false": exit status 1',
          ),
        },
      ]);
      expect(verification.keptBuild?.ok).toBe(true);
      // Built: the original, the full rewrite, the rewrite without the culprit; all removed.
      const built = fakes
        .calls()
        .filter((c) => c[0] === '#built')
        .map((c) => c[2]);
      expect(built).toEqual([
        INPUT,
        'FROM debian:bookworm\nRUN echo one && \\\n    echo two && false\n',
        'FROM debian:bookworm\nRUN echo one && \\\n    echo two\n',
      ]);
      expect(fakes.images()).toEqual([]);
    },
    SLOW,
  );

  test(
    'a rewrite that builds comes back whole',
    async () => {
      const result = await optimizeVerified(join(dir, 'Dockerfile'), {
        only: ['collapse-run'],
        builder: 'docker',
        smoke: 'true',
      });
      expect(result.output).toBe('FROM debian:bookworm\nRUN echo one && \\\n    echo two\n');
      expect(result.verification?.status).toBe('ok');
      expect(result.verification?.before.facts?.layers).toBe(3);
      expect(result.verification?.after?.facts?.layers).toBe(2);
      expect(result.verification?.after?.smoke).toEqual({ code: 0, output: '' });
    },
    SLOW,
  );

  test(
    'an unchanged file is not built',
    async () => {
      const result = await optimizeVerified(join(dir, 'Dockerfile'), { only: ['apt-hygiene'] });
      expect(result).toMatchObject({ output: INPUT, changed: false, verification: null });
      expect(fakes.calls()).toEqual([]);
    },
    SLOW,
  );
});
