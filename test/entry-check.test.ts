/**
 * The default check of a build-informed rewrite (src/verify/entry-check.ts), against a builder
 * that answers from a table: which commands it runs for which program, and which answers pass.
 * The answers are what glibc's and musl's loaders, buildah, runc, docker and podman print.
 */
import type { Builder, ExecOptions, ExecResult } from '../src/builder/types.js';
import type { ProgramFacts, StageFacts } from '../src/core/build-facts.js';
import {
  describeOutcome,
  entryCheck,
  loadErrorIn,
  startOutcome,
  type ImageCheck,
} from '../src/verify/entry-check.js';

const LD = '/lib64/ld-linux-x86-64.so.2';
const elf = (linkage: 'dynamic' | 'static', path = '/usr/local/bin/app'): ProgramFacts => ({
  kind: 'elf',
  path,
  resolved: path,
  package: null,
  elf: {
    bits: 64,
    endian: 'little',
    machine: 'x86_64',
    type: 'dyn',
    interpreter: linkage === 'dynamic' ? LD : null,
    dynamicSection: linkage === 'dynamic',
    linkage,
  },
  closure: linkage === 'dynamic' ? 'libraries' : 'static',
  libraries: [],
  missing: [],
});

function facts(program: ProgramFacts | null, argv = ['app', '--serve']): StageFacts {
  return {
    factsVersion: 1,
    builder: 'docker',
    os: null,
    entry: program ? { argv, path: null, workdir: null, program, java: null } : null,
    checks: {},
    diff: null,
    notes: [],
  };
}

type Answer = Partial<ExecResult>;
/** A builder whose `exec` answers by argv[0]; records what it was asked. */
function tableBuilder(answers: Record<string, Answer>) {
  const calls: { ref: string; argv: readonly string[]; options?: ExecOptions }[] = [];
  const builder = {
    kind: 'docker',
    description: 'table',
    async exec(ref: string, argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
      calls.push({ ref, argv, options });
      return { code: 0, stdout: '', stderr: '', ...answers[argv[0]] };
    },
  } as unknown as Builder;
  return { builder, calls };
}

function checkOf(f: StageFacts): ImageCheck {
  const check = entryCheck(f, { startTimeoutMs: 5000 });
  if ('cannot' in check) throw new Error(check.cannot);
  return check;
}

test('a dynamic ELF program: the loader lists it, then the entry point starts; both as the image user', async () => {
  const { builder, calls } = tableBuilder({
    [LD]: { stdout: '\tlibz.so.1 => /lib/libz.so.1 (0x1)\n' },
    app: { code: 1, stdout: 'usage: app\n' },
  });
  const outcome = await checkOf(facts(elf('dynamic')))(builder, 'img:after');
  expect(calls).toEqual([
    {
      ref: 'img:after',
      argv: [LD, '--list', '/usr/local/bin/app'],
      options: { timeoutMs: 60_000 },
    },
    { ref: 'img:after', argv: ['app', '--serve'], options: { timeoutMs: 5000 } },
  ]);
  expect(outcome).toMatchObject({ ok: true, check: 'start', detail: 'exit 1' });
});

test.each([
  ['a library not found', { stdout: '\tlibz.so.1 => not found\n' }, 'libz.so.1 => not found'],
  [
    'the loader missing (docker)',
    {
      code: 127,
      stderr: `docker: Error response from daemon: ... exec: "${LD}": stat ${LD}: no such file or directory: unknown.\n`,
    },
    'exit 127',
  ],
  [
    'the program missing',
    {
      code: 127,
      stderr: 'app: error while loading shared libraries: app: cannot open shared object file\n',
    },
    'exit 127',
  ],
  ['the loader hanging', { code: null, timedOut: true }, 'the loader did not finish'],
] as [string, Answer, string][])(
  'the loader check fails on %s, and the entry point is not started',
  async (_, answer, detail) => {
    const { builder, calls } = tableBuilder({ [LD]: answer });
    const outcome = await checkOf(facts(elf('dynamic')))(builder, 'img');
    expect(outcome).toMatchObject({ ok: false, check: 'loader', detail });
    expect(calls).toHaveLength(1);
    expect(describeOutcome(outcome)).toMatch(
      new RegExp(`^the loader check \\(${LD} --list /usr/local/bin/app\\) failed: `),
    );
  },
);

test('a static program, or one the build did not find: only the start check', async () => {
  for (const program of [elf('static'), { kind: 'missing', name: 'app' } as ProgramFacts]) {
    const { builder, calls } = tableBuilder({});
    expect((await checkOf(facts(program))(builder, 'img')).ok).toBe(true);
    expect(calls.map((c) => c.argv)).toEqual([['app', '--serve']]);
  }
});

test("a script: its interpreter's link closure is checked", async () => {
  const script: ProgramFacts = {
    kind: 'script',
    path: '/srv/run.py',
    resolved: '/srv/run.py',
    package: null,
    shebang: '/usr/bin/env python3',
    interpreter: elf('dynamic', '/usr/bin/python3.11'),
  };
  const { builder, calls } = tableBuilder({});
  await checkOf(facts(script, ['/srv/run.py']))(builder, 'img');
  expect(calls.map((c) => c.argv)).toEqual([
    [LD, '--list', '/usr/bin/python3.11'],
    ['/srv/run.py'],
  ]);
});

test.each([
  [
    'exit 127 (docker: not on PATH)',
    {
      code: 127,
      stderr:
        'docker: Error response from daemon: ... exec: "app": executable file not found in $PATH: unknown.\n',
    },
  ],
  ['exit 126 (not executable)', { code: 126, stderr: 'permission denied\n' }],
  [
    'podman: not found',
    {
      code: 127,
      stderr: 'Error: crun: executable file `app` not found in $PATH: No such file or directory\n',
    },
  ],
  [
    'buildah: fork/exec failed, exit 1',
    {
      code: 1,
      stderr:
        'process failed to start with error: fork/exec /usr/local/bin/app: no such file or directory\n',
    },
  ],
  [
    'runc: exec failed, exit 1',
    { code: 1, stderr: 'exec /usr/local/bin/app: no such file or directory\n' },
  ],
  [
    'glibc: a library missing, exit 0',
    {
      code: 0,
      stderr:
        'app: error while loading shared libraries: libz.so.1: cannot open shared object file: No such file or directory\n',
    },
  ],
  [
    'musl: a library missing',
    {
      code: 1,
      stderr:
        'Error loading shared library libz.so.1: No such file or directory (needed by /usr/local/bin/app)\n',
    },
  ],
  [
    'musl: a symbol missing',
    { code: 1, stderr: 'Error relocating /usr/local/bin/app: deflate: symbol not found\n' },
  ],
  ['the wrong architecture', { code: 1, stderr: 'exec /usr/local/bin/app: exec format error\n' }],
  ['a shell that cannot find it', { code: 2, stderr: '/entry.sh: 3: exec: app: not found\n' }],
  ['the container not run at all', { code: null, spawnError: 'docker: spawn ENOENT' }],
] as [string, Answer][])('the start check fails on %s', async (_, answer) => {
  const { builder } = tableBuilder({ app: answer });
  const outcome = await checkOf(facts(elf('static')))(builder, 'img');
  expect(outcome).toMatchObject({ ok: false, check: 'start' });
});

test.each([
  ['still running at the timeout', { code: null, timedOut: true }, 'still running after 5 s'],
  ['exit 0', { code: 0 }, 'exit 0'],
  [
    'exit 1 with its own complaint',
    { code: 1, stderr: 'open /etc/app/config.yaml: no such file or directory\n' },
    'exit 1',
  ],
  [
    'exit 2, a file of its own not found',
    { code: 2, stderr: 'app: config app.yaml not found, using defaults\n' },
    'exit 2',
  ],
  ['exit 137 (killed)', { code: 137 }, 'exit 137'],
] as [string, Answer, string][])(
  'the start check passes when the program started: %s',
  async (_, answer, detail) => {
    const { builder } = tableBuilder({ app: answer });
    expect(await checkOf(facts(elf('static')))(builder, 'img')).toMatchObject({
      ok: true,
      check: 'start',
      detail,
    });
  },
);

test('no entry point known: nothing to check with, and it says so', () => {
  expect(entryCheck(facts(null))).toEqual({
    cannot: 'the build told nothing about an entry point to start',
  });
});

test('load errors are found by the names the program goes by, not inside other paths', () => {
  const names = ['app', '/usr/local/bin/app'];
  expect(loadErrorIn("/usr/bin/env: 'app': No such file or directory\n", names)).not.toBeNull();
  expect(loadErrorIn('/usr/local/bin/app/data: No such file or directory\n', names)).toBeNull();
  expect(loadErrorIn('/srv/app.conf: No such file or directory\n', names)).toBeNull();
  expect(startOutcome(['app'], { code: 3, stdout: 'ok\n', stderr: '' }, 1000).ok).toBe(true);
});
