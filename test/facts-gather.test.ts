/**
 * The commands `exec` and `gatherFacts` run with docker, podman and buildah, through the fake
 * builders on PATH (test/helpers/fake-builder.sh): exactly which builds, which runs in which
 * image, as which user, and that every temporary image is removed. The fake images answer the
 * probe with canned output (a $FAKE_BUILDER_EXEC script), as a Debian image with a C program
 * installed by `make install` would.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuilderKind } from '../src/builder/types.js';
import { gatherFacts, type GatherRequest } from '../src/facts/gather.js';
import { PROBE_SCRIPT } from '../src/facts/probe-script.js';
import { lsHex } from './helpers/fake-builder-images.js';
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

function useFakes(extraEnv: Record<string, string> = {}) {
  fakes = installFakeBuilders(dir, FAKE_KINDS, { FACTS_CANNED: join(dir, 'canned'), ...extraEnv });
  process.env = { ...fakes.env };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-facts-gather-'));
  useFakes();
});
afterEach(() => {
  process.env = { ...savedEnv };
  rmSync(dir, { recursive: true, force: true });
});

/** The calls other than builds and removals: the runs in images. */
const runs = () => fakes.calls().filter((c) => ['run', 'from', 'rm'].includes(c[1]));

describe.each(FAKE_KINDS)('%s exec', (kind) => {
  test(
    'runs argv as given, as the user asked, and keeps stdout whole and stderr apart',
    async () => {
      const builder = fakeBuilderOf(kind);
      expect(
        (
          await builder.build({
            dockerfile: writeDockerfile('FROM debian\n'),
            context: dir,
            tag: 'img:1',
          })
        ).ok,
      ).toBe(true);
      // More than the 64 KiB tail kept of other commands' output: stdout must come back whole.
      const long = 'x'.repeat(200_000);
      const argv = [
        '/bin/sh',
        '-c',
        `head -c 200000 /dev/zero | tr '\\0' x; echo; echo "$1 to stderr" >&2; exit 3`,
        'arg zero',
        'arg one',
      ];
      const result = await builder.exec('img:1', argv, { user: '0:0' });
      expect(result).toEqual({ code: 3, stdout: `${long}\n`, stderr: 'arg one to stderr\n' });
      if (kind === 'buildah') {
        const [from, run, rm] = runs();
        const container = from[from.indexOf('--name') + 1];
        expect(from).toEqual([
          'buildah',
          'from',
          '--pull=never',
          '--quiet',
          '--name',
          container,
          'img:1',
        ]);
        expect(run).toEqual(['buildah', 'run', '--user', '0:0', container, '--', ...argv]);
        expect(rm).toEqual(['buildah', 'rm', container]);
      } else {
        expect(runs()).toEqual([
          [
            kind,
            'run',
            '--rm',
            '--user',
            '0:0',
            '--entrypoint',
            '/bin/sh',
            'img:1',
            ...argv.slice(1),
          ],
        ]);
      }
    },
    FAKE_TIMEOUT,
  );

  test(
    'without a user, the image USER is kept; a missing image is an exit code, not a throw',
    async () => {
      const builder = fakeBuilderOf(kind);
      const result = await builder.exec('never-built:1', ['true']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('No such image: never-built:1');
      expect(runs().find((c) => c[1] === 'run')).not.toContain('--user');
    },
    FAKE_TIMEOUT,
  );

  test(
    'an argument list the system refuses (E2BIG) is a spawn error, not an exception',
    async () => {
      const result = await fakeBuilderOf(kind).exec('img:3', [
        '/bin/sh',
        '-c',
        'true',
        'x'.repeat(300_000),
      ]);
      expect(result.code).toBeNull();
      expect(result.spawnError).toMatch(new RegExp(`^${kind}: spawn E2BIG`));
    },
    FAKE_TIMEOUT,
  );

  test(
    'smoke still runs /bin/sh -c through the same container set-up',
    async () => {
      const builder = fakeBuilderOf(kind);
      await builder.build({
        dockerfile: writeDockerfile('FROM debian\n'),
        context: dir,
        tag: 'img:2',
      });
      expect(await builder.smoke('img:2', 'echo smoked; exit 4')).toEqual({
        code: 4,
        output: 'smoked\n',
      });
    },
    FAKE_TIMEOUT,
  );
});

function writeDockerfile(text: string): string {
  const path = join(dir, `Dockerfile-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, text);
  return path;
}

// ---- gatherFacts ----

const STAGE = [
  'FROM debian:bookworm',
  'RUN apt-get install -y gcc make',
  'COPY . /src',
  'RUN make -C /src && make -C /src install',
  'CMD ["app"]',
  '',
].join('\n');
const BEFORE = ['FROM debian:bookworm', 'RUN apt-get install -y gcc make', 'COPY . /src', ''].join(
  '\n',
);

const LOADER = (() => {
  const text = readFileSync('/bin/ls').subarray(0, 4096).toString('latin1');
  return /\/[\w/.-]*ld[-\w.]*\.so\.\d/.exec(text)![0];
})();

const LISTING_BEFORE = [
  'listing\tfind-printf',
  'F d 755 0 0 4096 1700000000.0 .',
  'F d 755 0 0 4096 1700000000.0 ./usr/local/bin',
  'F d 755 0 0 4096 1700000000.0 ./usr/local/share',
  'F f 644 0 0 10 1700000000.0 ./src/main.c',
  'listing-end',
];

function writeCanned(options: { exit?: number } = {}) {
  const canned = join(dir, 'canned');
  mkdirSync(canned, { recursive: true });
  const after = [
    'dockopt-probe\t1',
    'os-release\tID=debian',
    'os-release\tVERSION_ID="12"',
    'os-release\tVERSION_CODENAME=bookworm',
    'resolve\tentry\tfound\t/usr/local/bin/app',
    'file\tentry\t/usr/local/bin/app',
    'kind\tentry\telf',
    ...lsHex(),
    // The probe's guess was wrong: gather must ask again with the loader PT_INTERP names.
    'ld-run\tentry\t/lib/ld-guessed.so.1',
    'ld-exit\tentry\tmissing',
    'check\tno\t/etc/app.conf',
    'listing\tfind-printf',
    'F d 755 0 0 4096 1700000100.0 .',
    'F d 755 0 0 4096 1700000100.0 ./usr/local/bin',
    'F d 755 0 0 4096 1700000100.0 ./usr/local/share',
    'F f 644 0 0 10 1700000000.0 ./src/main.c',
    'F f 644 0 0 900 1700000100.0 ./src/main.o',
    'F f 755 0 0 9000 1700000100.0 ./usr/local/bin/app',
    'F d 755 0 0 4096 1700000100.0 ./usr/local/share/app',
    'F f 644 0 0 7 1700000100.0 ./usr/local/share/app/words',
    'listing-end',
    'end',
  ];
  const loader = [
    'dockopt-probe\t1',
    `ld-run\tentry\t${LOADER}`,
    'ld-exit\tentry\t0',
    'ld\tentry\t\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x1)',
    'ld\tentry\t\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x2)',
    `ld\tentry\t\t${LOADER} (0x3)`,
    'owner\tdpkg\tzlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1',
    'owner\tdpkg\tlibc6:amd64: /lib/x86_64-linux-gnu/libc.so.6',
    'end',
  ];
  writeFileSync(join(canned, 'after.txt'), `${after.join('\n')}\n`);
  writeFileSync(join(canned, 'loader.txt'), `${loader.join('\n')}\n`);
  writeFileSync(
    join(canned, 'before.txt'),
    `${['dockopt-probe\t1', ...LISTING_BEFORE, 'end'].join('\n')}\n`,
  );
  return writeHook(join(canned, 'answer.sh'), [
    '#!/bin/sh',
    "# $1: the image's Dockerfile; then the argv run in the image.",
    'dockerfile="$1"',
    'shift',
    'for arg do case $arg in ld-role=*) cat "$FACTS_CANNED/loader.txt"; exit 0 ;; esac; done',
    'if grep -q "RUN make" "$dockerfile"; then cat "$FACTS_CANNED/after.txt"; else cat "$FACTS_CANNED/before.txt"; fi',
    `exit ${options.exit ?? 0}`,
  ]);
}

/** Writes an executable shell script the fake builder runs in place of a command in the image. */
function writeHook(path: string, lines: string[]): string {
  writeFileSync(path, `${lines.join('\n')}\n`);
  chmodSync(path, 0o755);
  return path;
}

function request(kind: BuilderKind, over: Partial<GatherRequest> = {}): GatherRequest {
  const context = join(dir, 'context');
  mkdirSync(context, { recursive: true });
  writeFileSync(join(context, 'main.c'), 'int main(void) { return 0; }\n');
  return {
    builder: fakeBuilderOf(kind),
    stage: STAGE,
    before: BEFORE,
    context,
    contextFiles: ['.'],
    entry: { argv: ['app'], path: '/usr/local/bin:/usr/bin:/bin', workdir: '/' },
    checks: ['/etc/app.conf'],
    cache: { dir: join(dir, 'cache') },
    ...over,
  };
}

describe.each(FAKE_KINDS)('gatherFacts with %s', (kind) => {
  test(
    'builds the stage and the stage before its build steps, probes each as root, removes both',
    async () => {
      useFakes({ FAKE_BUILDER_EXEC: writeCanned() });
      const result = await gatherFacts(request(kind));
      if (!result.ok) throw new Error(result.log);
      expect(result.fromCache).toBe(false);
      const { facts } = result;
      expect(facts.os).toMatchObject({ id: 'debian', versionId: '12', codename: 'bookworm' });
      expect(facts.checks).toEqual({ '/etc/app.conf': false });
      expect(facts.entry?.program).toMatchObject({
        kind: 'elf',
        path: '/usr/local/bin/app',
        closure: 'libraries',
        elf: { linkage: 'dynamic', interpreter: LOADER },
      });
      const program = facts.entry!.program as {
        libraries: { name: string; package: string | null }[];
      };
      expect(program.libraries.map((l) => [l.name, l.package])).toEqual([
        ['libz.so.1', 'zlib1g'],
        ['libc.so.6', 'libc6'],
        [LOADER, null],
      ]);
      expect(facts.diff?.roots).toEqual([
        '/src/main.o',
        '/usr/local/bin/app',
        '/usr/local/share/app',
      ]);
      expect(facts.notes).toEqual([]);

      const calls = fakes.calls();
      const built = calls.filter((c) => c[0] === '#built');
      expect(built.map((c) => c[2])).toEqual([STAGE, BEFORE]);
      const [stageTag, beforeTag] = built.map((c) => c[1]);
      expect(stageTag).toMatch(/^localhost\/dockopt-facts:\d+-[0-9a-f]+-0-stage$/);
      expect(beforeTag).toMatch(/-1-before$/);
      const execs = runs().filter((c) => c[1] === 'run');
      expect(execs).toHaveLength(3);
      for (const call of execs) {
        expect(call.slice(call.indexOf('--user'), call.indexOf('--user') + 2)).toEqual([
          '--user',
          '0:0',
        ]);
        expect(call).toContain(PROBE_SCRIPT);
      }
      expect(execs[0]).toEqual(
        expect.arrayContaining(['os=1', 'program=app', 'check=/etc/app.conf', 'list=/']),
      );
      expect(execs[1]).toEqual(
        expect.arrayContaining([
          'ld-role=entry',
          `ld-interp=${LOADER}`,
          'ld-file=/usr/local/bin/app',
        ]),
      );
      expect(execs[2]).toContain('list=/');
      expect(execs[2]).not.toContain('program=app');
      if (kind !== 'buildah') {
        expect(execs.map((c) => c[c.indexOf('--entrypoint') + 2])).toEqual([
          stageTag,
          stageTag,
          beforeTag,
        ]);
      }
      expect(fakes.images()).toEqual([]);
    },
    FAKE_TIMEOUT,
  );
});

// The cache and failures do not depend on the builder: one is enough.
describe('gatherFacts and its cache', () => {
  const kind: BuilderKind = 'docker';
  test(
    'a second run with the same inputs builds nothing; a changed context file builds again',
    async () => {
      useFakes({ FAKE_BUILDER_EXEC: writeCanned() });
      const first = await gatherFacts(request(kind));
      const callsAfterFirst = fakes.calls().length;
      const second = await gatherFacts(request(kind));
      expect(second).toEqual({ ...first, fromCache: true });
      expect(fakes.calls()).toHaveLength(callsAfterFirst);
      const third = request(kind);
      writeFileSync(join(third.context, 'main.c'), 'int main(void) { return 1; }\n');
      const rebuilt = await gatherFacts(third);
      expect(rebuilt.fromCache).toBe(false);
      expect(rebuilt.key).not.toBe(first.key);
      expect(fakes.calls().filter((c) => c[0] === '#built')).toHaveLength(4);
    },
    FAKE_TIMEOUT,
  );

  test(
    'a stage that does not build is answered (and cached) as a failure with its log',
    async () => {
      useFakes({ FAKE_BUILDER_EXEC: writeCanned(), FAKE_BUILDER_FAIL_ON: 'RUN make' });
      const failed = await gatherFacts(request(kind));
      expect(failed).toMatchObject({ ok: false, failed: 'stage', fromCache: false });
      expect(failed.ok === false && failed.log).toContain(
        'error building at STEP "RUN make -C /src',
      );
      expect(runs()).toEqual([]);
      const again = await gatherFacts(request(kind));
      expect(again).toEqual({ ...failed, fromCache: true });
      expect(fakes.calls().filter((c) => c[0] === '#built')).toHaveLength(1);
      // refresh: built again despite the cached failure.
      await gatherFacts(request(kind, { cache: { dir: join(dir, 'cache'), refresh: true } }));
      expect(fakes.calls().filter((c) => c[0] === '#built')).toHaveLength(2);
      expect(fakes.images()).toEqual([]);
    },
    FAKE_TIMEOUT,
  );
});

describe('gatherFacts, partial answers', () => {
  test(
    'the stage before the build steps does not build: facts without a diff, and a note',
    async () => {
      useFakes({ FAKE_BUILDER_EXEC: writeCanned(), FAKE_BUILDER_FAIL_ON: 'BREAKS-BEFORE' });
      const result = await gatherFacts(
        request('docker', { before: `${BEFORE}LABEL x=BREAKS-BEFORE\n` }),
      );
      if (!result.ok) throw new Error(result.log);
      expect(result.facts.diff).toBeNull();
      expect(result.facts.entry?.program.kind).toBe('elf');
      expect(result.facts.notes).toEqual([
        expect.stringMatching(
          /^the stage cut before its build steps does not build: .*BREAKS-BEFORE/s,
        ),
      ]);
      expect(fakes.images()).toEqual([]);
    },
    FAKE_TIMEOUT,
  );

  test(
    'no `before`, no entry: only the OS is asked, with one probe and no listing',
    async () => {
      useFakes({ FAKE_BUILDER_EXEC: writeCanned() });
      const result = await gatherFacts(
        request('podman', { before: null, entry: null, checks: [], cache: false }),
      );
      if (!result.ok) throw new Error(result.log);
      expect(result.facts).toMatchObject({ entry: null, diff: null, os: { id: 'debian' } });
      const execs = runs();
      expect(execs).toHaveLength(1);
      expect(execs[0]).not.toContain('list=/');
      expect(execs[0].some((a) => a.startsWith('program='))).toBe(false);
      expect(fakes.calls().filter((c) => c[0] === '#built')).toHaveLength(1);
    },
    FAKE_TIMEOUT,
  );

  test(
    'a probe that cannot run in the image (no /bin/sh) gives a note, not a crash',
    async () => {
      const hook = writeHook(join(dir, 'no-shell.sh'), [
        '#!/bin/sh',
        'echo "exec: \\"/bin/sh\\": stat /bin/sh: no such file or directory" >&2',
        'exit 127',
      ]);
      useFakes({ FAKE_BUILDER_EXEC: hook });
      const result = await gatherFacts(request('docker', { cache: false }));
      if (!result.ok) throw new Error(result.log);
      expect(result.facts.entry).toBeNull();
      expect(result.facts.diff).toBeNull();
      expect(result.facts.notes[0]).toMatch(
        /^the probe did not finish in the stage image \(exec: "\/bin\/sh": stat \/bin\/sh: no such file/,
      );
      expect(result.facts.notes[1]).toMatch(
        /^no file listing of the stage before its build steps: exec: /,
      );
      expect(fakes.images()).toEqual([]);
    },
    FAKE_TIMEOUT,
  );

  test(
    "docker's own failure to run a container (exit 125) throws, and is not cached",
    async () => {
      const hook = writeHook(join(dir, 'daemon-error.sh'), [
        '#!/bin/sh',
        'echo "docker: Error response from daemon: OCI runtime create failed" >&2',
        'exit 125',
      ]);
      useFakes({ FAKE_BUILDER_EXEC: hook });
      await expect(gatherFacts(request('docker'))).rejects.toThrow(
        'docker could not run a command in the image it built: docker: Error response from daemon',
      );
      expect(fakes.images()).toEqual([]);
      useFakes({ FAKE_BUILDER_EXEC: writeCanned() });
      expect((await gatherFacts(request('docker'))).fromCache).toBe(false);
    },
    FAKE_TIMEOUT,
  );

  test(
    'the ignore file given is what docker finds beside the Dockerfile and podman is given',
    async () => {
      useFakes({ FAKE_BUILDER_EXEC: writeCanned() });
      const ignore = join(dir, 'app.dockerignore');
      writeFileSync(ignore, 'secrets/\n');
      await gatherFacts(request('podman', { ignoreFile: ignore, cache: false }));
      const built = fakes.calls().filter((c) => c[0] === '#built');
      expect(built.map((c) => c[3])).toEqual(['secrets/\n', 'secrets/\n']);
      const podmanBuild = fakes.calls().find((c) => c[0] === 'podman' && c[1] === 'build')!;
      expect(podmanBuild[podmanBuild.indexOf('--ignorefile') + 1]).toMatch(
        /dockopt-facts-[^/]+\/Dockerfile\.dockerignore$/,
      );
    },
    FAKE_TIMEOUT,
  );
});
