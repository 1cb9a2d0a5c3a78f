/**
 * `--build` through the real CLI, with fake docker / podman / buildah on PATH
 * (test/helpers/fake-builder.sh) whose images answer as test/helpers/fake-builder-images.ts says,
 * and a custom transform that asks a question: the facts are gathered and the file processed
 * again; the facts cache spares a second run the build; `--refresh-facts` builds again; a stage
 * that does not build reaches the transform as `{ ok: false }`; `--write --build` writes a
 * build-informed rewrite only when the default check passes, and rolls back otherwise.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFakeBuilders, type FakeBuilders } from './helpers/fake-builders.js';
import { ENTRY_PATH, fakeImageAnswers, imageRuns, LOADER } from './helpers/fake-builder-images.js';

const BIN = join(process.cwd(), 'bin', 'dockopt.js');
const require = createRequire(import.meta.url);
// unicodeRegExp off: the schema's `language` pattern has a stray `]` (as in test/reports.test.ts).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(
  JSON.parse(
    readFileSync(
      require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
      'utf8',
    ),
  ),
);
// Several fake builder calls (shell scripts) per run: slow on a busy machine.
const TIMEOUT = 60_000;

const DOCKERFILE = [
  'FROM debian:bookworm',
  'COPY app /usr/local/bin/app',
  'CMD ["app", "--serve"]',
  '',
].join('\n');
const SLIM = DOCKERFILE.replace('debian:bookworm', 'debian:bookworm-slim');

/**
 * Test-only: switches the final stage to `-slim` when a build says what its entry point links
 * against; without facts it refuses and asks; with a failed build it refuses and says why.
 */
const ASKING_TRANSFORM = `export default {
  meta: { id: 'slim-by-facts', title: 'Slim base once a build tells', description: 'asks a build',
          safety: 'unsafe', category: 'size' },
  create(ctx) {
    const index = ctx.model.stages.length - 1;
    const stage = ctx.model.stages[index];
    const from = stage.from;
    const cmd = stage.instructions.find((n) => n.keyword === 'CMD');
    const text = ctx.model.text.slice(from.start, from.end);
    const at = text.indexOf('debian:bookworm');
    if (!cmd || at < 0 || text.includes('-slim')) return;
    const answer = ctx.buildFacts ? ctx.buildFacts[index] : undefined;
    if (!answer)
      return ctx.report({
        message: 'could use debian:bookworm-slim if the entry point needs no more than it has',
        node: from,
        question: { stage: index, stageText: ctx.model.text, beforeText: null,
                    contextFiles: ['app'], entry: { argv: cmd.jsonArgv } },
      });
    if (!answer.ok)
      return ctx.report({ message: 'not switched: ' + answer.reason.split('\\n')[0], node: from });
    const program = answer.facts.entry.program;
    const libs = program.libraries.map((l) => l.name).join(', ');
    ctx.report({
      message: program.resolved + ' links ' + libs + ': switched to debian:bookworm-slim',
      node: from,
      fix: [{ start: from.start + at, end: from.start + at + 15, text: 'debian:bookworm-slim' }],
    });
  },
};
`;

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-build-cli-'));
  cache = join(dir, 'cache');
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'app'), 'the program\n');
  writeFileSync(join(dir, 'slim-by-facts.mjs'), ASKING_TRANSFORM);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Kind = 'docker' | 'podman' | 'buildah';

function fakes(kinds: Kind[] = ['docker'], extra: Record<string, string> = {}): FakeBuilders {
  return installFakeBuilders(dir, kinds, {
    ...fakeImageAnswers(dir),
    DOCKOPT_CACHE_DIR: cache,
    ...extra,
  });
}

const TRANSFORM = ['--transform', './slim-by-facts.mjs', '--only', 'slim-by-facts'];

function dockopt(args: string[], builders: FakeBuilders, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args, ...TRANSFORM, 'Dockerfile'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...builders.env, ...extraEnv },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const builds = (f: FakeBuilders) => f.calls().filter((c) => c[0] === '#built');
const cacheEntries = () =>
  existsSync(join(cache, 'facts')) ? readdirSync(join(cache, 'facts')) : [];

test(
  'without --build: the refusal says a build can tell, JSON marks it, nothing is built',
  () => {
    const f = fakes();
    const text = dockopt(['-v'], f);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(
      'Dockerfile:1: slim-by-facts: not fixed: could use debian:bookworm-slim if the entry point needs no more than it has (a build can tell: --build)\n',
    );
    const json = dockopt(['--format', 'json'], f);
    const [file] = JSON.parse(json.stdout).files;
    expect(file.findings.map((x: { build?: string }) => x.build)).toEqual(['asks']);
    expect(file.build).toBeUndefined();
    expect(f.calls()).toEqual([]);
  },
  TIMEOUT,
);

test(
  'dry run with --build: builds the stage once, runs the file again with the facts, shows the diff, says it is not verified',
  () => {
    const f = fakes();
    const { code, stdout, stderr } = dockopt(['--build', '-v'], f);
    expect(code).toBe(0);
    expect(stdout).toContain('-FROM debian:bookworm\n+FROM debian:bookworm-slim\n');
    expect(stderr).toContain(
      'dockopt: Dockerfile: building stage 0 to learn its entry point (app --serve)\n',
    );
    expect(stderr).toContain(
      `Dockerfile:1: slim-by-facts: ${ENTRY_PATH} links libz.so.1, libc.so.6, ${LOADER}: switched to debian:bookworm-slim (with build facts)\n`,
    );
    expect(stderr).toMatch(
      /dockopt: Dockerfile: this rewrite rests on what the build told \(stage 0: app → \/usr\/local\/bin\/app \(dynamic ELF, needs libz\.so\.1\); debian 12\); it is not verified/,
    );
    // The stage text the transform gave, built once in the file's context; probed as root.
    expect(builds(f).map((b) => b[2])).toEqual([DOCKERFILE]);
    const docker = f.calls().filter((c) => c[0] === 'docker');
    const build = docker.find((c) => c[1] === 'buildx' && c[2] === 'build')!;
    expect(build[build.length - 1]).toBe('.');
    expect(docker.filter((c) => c[1] === 'run').map((c) => c.slice(1, 6))).toEqual([
      ['run', '--rm', '--user', '0:0', '--entrypoint'],
    ]);
    expect(imageRuns(f.env)).toEqual([['probe']]);
    expect(f.images()).toEqual([]);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
    expect(cacheEntries()).toHaveLength(1);
  },
  TIMEOUT,
);

test(
  'a second run takes the facts from the cache and builds nothing; --refresh-facts builds again',
  () => {
    const f = fakes();
    expect(dockopt(['--build'], f).code).toBe(0);
    expect(builds(f)).toHaveLength(1);
    const again = dockopt(['--build', '--check'], f);
    // --check: the build-informed rewrite would be made: exit 1, and nothing more was built.
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('dockopt: Dockerfile: stage 0: facts from cache\n');
    expect(again.stderr).not.toContain('building stage 0');
    expect(builds(f)).toHaveLength(1);
    expect(imageRuns(f.env)).toEqual([['probe']]);
    const refreshed = dockopt(['--build', '--refresh-facts'], f);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stderr).toContain('building stage 0 to learn');
    expect(builds(f)).toHaveLength(2);
    expect(refreshed.stdout).toContain('+FROM debian:bookworm-slim\n');
  },
  TIMEOUT,
);

test(
  'with --builder named, cached facts need no builder at all (a CI job with the cache restored)',
  () => {
    const f = fakes();
    expect(dockopt(['--build', '--builder', 'docker'], f).code).toBe(0);
    const calls = f.calls().length;
    rmSync(join(dir, 'bin', 'docker'));
    const { code, stderr } = dockopt(['--build', '--builder', 'docker', '--check'], f);
    expect(stderr).toContain('stage 0: facts from cache');
    expect(code).toBe(1);
    expect(f.calls()).toHaveLength(calls);
    // The same without a cached answer: the builder is looked for, and its absence is an error.
    const fresh = dockopt(['--build', '--builder', 'docker', '--refresh-facts'], f);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toContain(
      'dockopt: Dockerfile: --build: stage 0: --builder docker does not work here: docker version failed:',
    );
  },
  TIMEOUT,
);

test(
  'a stage that does not build reaches the transform as { ok: false }; the failure is cached too',
  () => {
    const f = fakes(['docker'], { FAKE_BUILDER_FAIL_ON: 'COPY app' });
    const { code, stdout, stderr } = dockopt(['--build', '-v'], f);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'dockopt: Dockerfile: stage 0: the stage does not build: STEP 1: FROM debian:bookworm\n',
    );
    expect(stderr).toContain(
      'Dockerfile:1: slim-by-facts: not fixed: not switched: the stage does not build: STEP 1: FROM debian:bookworm (with build facts)\n',
    );
    expect(imageRuns(f.env)).toEqual([]);
    const again = dockopt(['--build', '--format', 'json'], f);
    expect(again.stderr).toContain('stage 0: facts from cache (it did not build)');
    const [file] = JSON.parse(again.stdout).files;
    expect(file.build.stages).toEqual([
      {
        stage: 0,
        ok: false,
        fromCache: true,
        told: expect.stringMatching(/^the stage does not build: STEP 1/),
      },
    ]);
    expect(file.findings[0].build).toBe('informed');
    expect(builds(f)).toHaveLength(1);
  },
  TIMEOUT,
);

/** The runs in images of the verification (after the facts probe), as [tool args...]. */
function checkRuns(f: FakeBuilders, kind: Kind): string[][] {
  return f
    .calls()
    .filter((c) => c[0] === kind && (c[1] === 'run' || c[1] === 'rm' || c[1] === 'from'))
    .filter((c) => !c.includes('0:0')); // the probe runs as root; the checks as the image's user
}

test(
  '--write --build with docker: builds the original and the rewrite, runs the default check in the rewrite, writes it',
  () => {
    const f = fakes();
    const { code, stdout, stderr } = dockopt(['--write', '--build'], f);
    expect(stderr).toContain('dockopt: building with docker 27.1.0 (buildx)\n');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(SLIM);
    expect(stdout).toBe('');
    // The facts build, then verification: the original (from disk) and the rewrite.
    expect(builds(f).map((b) => b[2])).toEqual([DOCKERFILE, DOCKERFILE, SLIM]);
    const rewriteTag = builds(f)[2][1];
    const runs = checkRuns(f, 'docker');
    const name = (call: string[]) => call[call.indexOf('--name') + 1];
    expect(runs).toEqual([
      ['docker', 'run', '--rm', '--name', name(runs[0]), '--entrypoint', LOADER, rewriteTag, '--list', ENTRY_PATH],
      ['docker', 'run', '--rm', '--name', name(runs[1]), '--entrypoint', 'app', rewriteTag, '--serve'],
    ]); // prettier-ignore
    expect(name(runs[0])).toMatch(/^dockopt-exec-\d+-[0-9a-f]{8}$/);
    expect(imageRuns(f.env)).toEqual([
      ['probe'],
      [LOADER, '--list', ENTRY_PATH],
      ['app', '--serve'],
    ]);
    expect(stderr).toMatch(/\nDockerfile\s+ok\s+\d+ kB → \d+ kB/);
    expect(f.images()).toEqual([]);
  },
  TIMEOUT,
);

test.each([
  [
    'docker',
    { FAKE_BUILDER_LOADER: 'not-found' },
    `the loader check (${LOADER} --list ${ENTRY_PATH}) failed: libz.so.1 => not found`,
  ],
  [
    'podman',
    { FAKE_BUILDER_START: 'exit:127' },
    'the start check (app --serve) failed: exit 127 (not executable, or not found)',
  ],
  [
    'buildah',
    { FAKE_BUILDER_START: 'loader-error' },
    'the start check (app --serve) failed: it could not be loaded: app: error while loading shared libraries: libz.so.1',
  ],
  ['docker', { FAKE_BUILDER_LOADER: 'missing' }, `failed: exit 127`],
] as [Kind, Record<string, string>, string][])(
  '--write --build with %s rolls back when the default check fails (%j): exit 1, nothing written',
  (kind, knobs, why) => {
    const f = fakes([kind], knobs);
    const { code, stderr } = dockopt(['--write', '--build'], f);
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
    expect(stderr).toContain(
      'dockopt: Dockerfile: not applied: what the build told (stage 0: app → /usr/local/bin/app (dynamic ELF, needs libz.so.1); debian 12) led slim-by-facts to a rewrite that fails: ',
    );
    expect(stderr).toContain(why);
    expect(stderr).toContain('written instead: the rewrite made without build facts\n');
    expect(stderr).toMatch(/\nDockerfile\s+check fails\s+/);
    expect(f.images()).toEqual([]);
  },
  TIMEOUT,
);

test(
  "a rollback keeps the first run's rewrite (here maintainer-to-label), verified itself with --verify",
  () => {
    const withMaintainer = DOCKERFILE.replace('COPY', 'MAINTAINER someone\nCOPY');
    writeFileSync(join(dir, 'Dockerfile'), withMaintainer);
    const f = fakes(['docker'], { FAKE_BUILDER_START: 'exit:126' });
    const result = spawnSync(
      process.execPath,
      [BIN, '--write', '--build', '--verify', '--transform', './slim-by-facts.mjs',
       '--only', 'slim-by-facts,maintainer-to-label', 'Dockerfile'],
      { cwd: dir, encoding: 'utf8', env: f.env },
    ); // prettier-ignore
    expect(result.status).toBe(1);
    const firstRun = withMaintainer.replace(
      'MAINTAINER someone',
      'LABEL org.opencontainers.image.authors="someone"',
    );
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(firstRun);
    expect(result.stderr).toContain('dockopt: verifying with docker 27.1.0 (buildx)\n');
    expect(result.stderr).toContain('the start check (app --serve) failed: exit 126');
    // The facts (of the text as the transform saw it when it asked: after maintainer-to-label);
    // the original and the build-informed rewrite; the original and the first run's rewrite.
    expect(builds(f).map((b) => b[2])).toEqual([
      firstRun,
      withMaintainer,
      firstRun.replace('debian:bookworm', 'debian:bookworm-slim'),
      withMaintainer,
      firstRun,
    ]);
  },
  TIMEOUT,
);

test(
  '--write --build --smoke: the smoke command replaces the default check',
  () => {
    // The default check would fail (a library not found) but is not run: the smoke decides.
    const f = fakes(['docker'], { FAKE_BUILDER_LOADER: 'not-found' });
    const agrees = 'grep -q bookworm "$FAKE_IMAGE_DOCKERFILE"';
    const passed = dockopt(['--write', '--build', '--smoke', agrees], f);
    expect(passed.stderr).toMatch(/\nDockerfile\s+ok\s+/);
    expect(passed.code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(SLIM);
    const runs = f.calls().filter((c) => c[0] === 'docker' && c[1] === 'run' && !c.includes('0:0'));
    expect(runs.map((c) => c.slice(-2))).toEqual([
      ['-c', agrees],
      ['-c', agrees],
    ]);
    expect(imageRuns(f.env).filter((run) => run[0] !== '/bin/sh')).toEqual([['probe']]);

    // A smoke command whose exit code changes in the rewrite rolls it back.
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    const differs = dockopt(
      ['--write', '--build', '--smoke', '! grep -q slim "$FAKE_IMAGE_DOCKERFILE"'],
      f,
    );
    expect(differs.code).toBe(1);
    expect(differs.stderr).toContain(
      'a rewrite that fails: the smoke command exits 1 in the rewrite (original: 0)',
    );
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
  },
  TIMEOUT,
);

test(
  'dockopt verify --build: the build-informed rewrite is the one verified, with the default check',
  () => {
    const ok = fakes(['podman']);
    const run = spawnSync(
      process.execPath,
      [BIN, 'verify', '--build', ...TRANSFORM, 'Dockerfile'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: ok.env,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nDockerfile\s+ok\s+/);
    expect(builds(ok).map((b) => b[2])).toEqual([DOCKERFILE, DOCKERFILE, SLIM]);
    expect(imageRuns(ok.env).slice(1)).toEqual([
      [LOADER, '--list', ENTRY_PATH],
      ['app', '--serve'],
    ]);
    const failing = spawnSync(
      process.execPath,
      [BIN, 'verify', '--build', ...TRANSFORM, 'Dockerfile'],
      { cwd: dir, encoding: 'utf8', env: { ...ok.env, FAKE_BUILDER_LOADER: 'not-found' } },
    );
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('stage 0: facts from cache\n');
    expect(failing.stderr).toContain('libz.so.1 => not found');
    expect(failing.stderr).not.toContain('not applied');
    expect(failing.stdout).toMatch(/\nDockerfile\s+check fails\s+/);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
  },
  TIMEOUT,
);

test(
  'reports: JSON says what the build told and that the rewrite was verified; SARIF stays valid',
  () => {
    const f = fakes();
    const sarif = dockopt(['--format', 'sarif', '-v'], f);
    const asking = JSON.parse(sarif.stdout);
    expect(validateSarif(asking)).toBe(true);
    expect(asking.runs[0].results.map((r: { properties: object }) => r.properties)).toEqual([
      { fixed: false, build: 'asks' },
    ]);
    const informed = JSON.parse(dockopt(['--build', '--format', 'sarif'], f).stdout);
    expect(validateSarif(informed)).toBe(true);
    expect(informed.runs[0].results.map((r: { properties: object }) => r.properties)).toEqual([
      { fixed: true, build: 'informed' },
    ]);

    const markdown = dockopt(['--build', '--format', 'markdown'], f);
    expect(markdown.stdout).toContain(
      'Made with what a build of the original told (stage 0: app → /usr/local/bin/app (dynamic ELF, needs libz.so.1); debian 12); **not verified**: build it before merging.',
    );

    const json = dockopt(['--write', '--build', '--format', 'json'], f);
    expect(json.code).toBe(0);
    const [file] = JSON.parse(json.stdout).files;
    expect(file.status).toBe('changed');
    expect(file.findings.map((x: { build?: string }) => x.build)).toEqual(['informed']);
    expect(file.build).toEqual({
      stages: [
        {
          stage: 0,
          ok: true,
          fromCache: true,
          told: 'app → /usr/local/bin/app (dynamic ELF, needs libz.so.1); debian 12',
        },
      ],
      informed: [0],
      rewrite: 'verified',
    });
  },
  TIMEOUT,
);

test(
  'on worker threads (-j 2), each file is built for and processed again, reported in input order',
  () => {
    const f = fakes();
    const other = DOCKERFILE.replace('--serve', '--other');
    writeFileSync(join(dir, 'other.Dockerfile'), other);
    const result = spawnSync(
      process.execPath,
      [BIN, '--build', '-j', '2', ...TRANSFORM, 'Dockerfile', 'other.Dockerfile'],
      { cwd: dir, encoding: 'utf8', env: f.env },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.match(/^\+FROM debian:bookworm-slim$/gm)).toHaveLength(2);
    expect(result.stdout.indexOf('a/Dockerfile')).toBeLessThan(
      result.stdout.indexOf('a/other.Dockerfile'),
    );
    expect(builds(f).map((b) => b[2])).toEqual([DOCKERFILE, other]);
  },
  TIMEOUT,
);

test.each([
  [['--refresh-facts'], '--refresh-facts goes with --build'],
  [['--build', '--target', 'app'], '--target only apply to dockopt verify or --write --verify'],
  [['--build', '--compressed'], '--compressed only apply to'],
])('usage error: %j', (args, message) => {
  const f = fakes();
  const { code, stderr } = dockopt(args, f);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(f.calls()).toEqual([]);
});

test('--build does not take stdin', () => {
  const f = fakes();
  const result = spawnSync(process.execPath, [BIN, '--build', '-'], {
    cwd: dir,
    encoding: 'utf8',
    env: f.env,
    input: DOCKERFILE,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('cannot build stdin');
});
