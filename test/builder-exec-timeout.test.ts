/**
 * `Builder.exec` under a timeout (the default check starts entry points that may run for ever),
 * with docker, podman and buildah, through the fake builders on PATH: the exact commands run, that
 * the command is stopped at the timeout with everything it started, and that the container is
 * removed (docker and podman: by name, since killing the client leaves the container running).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Builder } from '../src/builder/types.js';
import { fakeImageAnswers, startedPids } from './helpers/fake-builder-images.js';
import {
  FAKE_KINDS,
  FAKE_TIMEOUT,
  fakeBuilderOf,
  installFakeBuilders,
  type FakeBuilders,
} from './helpers/fake-builders.js';

let dir = '';
let fakes: FakeBuilders;
const savedEnv = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-exec-timeout-'));
  fakes = installFakeBuilders(dir, FAKE_KINDS, {
    ...fakeImageAnswers(dir),
    FAKE_BUILDER_START: 'sleep',
  });
  process.env = { ...fakes.env };
});
afterEach(() => {
  process.env = { ...savedEnv };
  rmSync(dir, { recursive: true, force: true });
});

/** A process is gone (or a zombie waiting to be reaped, which runs nothing). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

async function allGone(pids: number[]): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (pids.every(gone)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function image(builder: Builder, tag: string): Promise<void> {
  const dockerfile = join(dir, 'Dockerfile');
  writeFileSync(dockerfile, 'FROM debian\nCMD ["app", "--serve"]\n');
  expect((await builder.build({ dockerfile, context: dir, tag })).ok).toBe(true);
}

const runCalls = () =>
  fakes.calls().filter((c) => ['run', 'rm', 'from'].includes(c[1]) && c[0] !== '#built');

describe.each(FAKE_KINDS)('%s', (kind) => {
  test(
    'a command still running at the timeout is stopped, with what it started, and its container removed',
    async () => {
      const builder = fakeBuilderOf(kind);
      await image(builder, 'img:1');
      const started = Date.now();
      const result = await builder.exec('img:1', ['app', '--serve'], { timeoutMs: 1000 });
      expect(result.timedOut).toBe(true);
      // Stopped well before the answer's own `sleep 30` would end.
      expect(Date.now() - started).toBeLessThan(20_000);
      const pids = startedPids(fakes.env);
      expect(pids).toHaveLength(2); // the answering shell and its `sleep`
      expect(await allGone(pids)).toBe(true);
      const calls = runCalls();
      if (kind === 'buildah') {
        const container = calls[0][calls[0].indexOf('--name') + 1];
        expect(calls).toEqual([
          ['buildah', 'from', '--pull=never', '--quiet', '--name', container, 'img:1'],
          ['buildah', 'run', container, '--', 'app', '--serve'],
          ['buildah', 'rm', container],
        ]);
      } else {
        const name = calls[0][calls[0].indexOf('--name') + 1];
        expect(name).toMatch(/^dockopt-exec-\d+-[0-9a-f]{8}$/);
        const remove =
          kind === 'docker'
            ? [kind, 'rm', '--force', name]
            : [kind, 'rm', '--force', '--time', '0', name];
        expect(calls[0]).toEqual([
          kind, 'run', '--rm', '--name', name, '--entrypoint', 'app', 'img:1', '--serve',
        ]); // prettier-ignore
        // At the timeout, and once more after the client is gone.
        expect(calls.slice(1)).toEqual([remove, remove]);
      }
    },
    FAKE_TIMEOUT,
  );

  test(
    'a command that ends before the timeout is not stopped, and gives its exit code',
    async () => {
      process.env.FAKE_BUILDER_START = 'exit:3';
      const builder = fakeBuilderOf(kind);
      await image(builder, 'img:2');
      const result = await builder.exec('img:2', ['app', '--serve'], {
        timeoutMs: 30_000,
        user: '0:0',
      });
      expect(result).toEqual({ code: 3, stdout: 'app started\n', stderr: '' });
      const calls = runCalls();
      // No removal by name: the container went away with `--rm` (buildah: `rm` as always).
      expect(calls.filter((c) => c[1] === 'rm' && c.includes('--force'))).toEqual([]);
      const run = calls.find((c) => c[1] === 'run')!;
      expect(run).toContain('--user');
    },
    FAKE_TIMEOUT,
  );
});
