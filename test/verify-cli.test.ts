/**
 * `dockopt verify` and `--write --verify` through the real CLI, with fake docker / podman / buildah
 * commands on PATH (test/helpers/fake-builder.mjs) that record their arguments: which builder is
 * picked, what it is asked to build and run, that every temporary image is removed (also after an
 * interrupt), and that a rewrite that does not build is rolled back to what does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { installFakeBuilders, type FakeBuilders } from './helpers/fake-builders.js';

const BIN = join(process.cwd(), 'bin', 'dockopt.js');
/** Changed by two transforms: apt-hygiene (the apt lines) and collapse-run (the two last RUNs). */
const MESSY = [
  'FROM debian:bookworm',
  'RUN apt-get update',
  'RUN apt-get install -y make',
  'COPY . /src',
  'RUN mkdir -p /out',
  'RUN make -C /src',
  'CMD ["make", "--version"]',
  '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-verify-'));
  writeFileSync(join(dir, 'Dockerfile'), MESSY);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function dockopt(args: string[], fakes: FakeBuilders) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: fakes.env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `dockopt --print` makes of the Dockerfile with these extra arguments. */
function printed(args: string[] = []): string {
  const result = spawnSync(process.execPath, [BIN, '--print', 'Dockerfile', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return result.stdout;
}

const builds = (fakes: FakeBuilders) => fakes.calls().filter((c) => c[0] === '#built');
const tool = (fakes: FakeBuilders, name: string) => fakes.calls().filter((c) => c[0] === name);

test('verify with docker: builds original and rewrite in the context, prints the table, removes both images', () => {
  const fakes = installFakeBuilders(dir, ['docker']);
  const rewrite = printed();
  const { code, stdout, stderr } = dockopt(
    ['verify', 'Dockerfile', '--target', 'app', '--build-arg', 'A=1'],
    fakes,
  );
  expect(stderr).toContain('dockopt: verifying with docker 27.1.0 (buildx)\n');
  expect(code).toBe(0);
  const buildCalls = tool(fakes, 'docker').filter((c) => c[1] === 'buildx' && c[2] === 'build');
  expect(buildCalls).toHaveLength(2);
  const [original, rewritten] = buildCalls;
  const tagOf = (call: string[]) => call[call.indexOf('-t') + 1];
  expect(original).toEqual([
    'docker', 'buildx', 'build', '--load', '--progress=plain',
    '-f', 'Dockerfile', '-t', tagOf(original), '--target', 'app', '--build-arg', 'A=1', '.',
  ]); // prettier-ignore
  expect(tagOf(original)).toMatch(/^localhost\/dockopt-verify:\d+-[0-9a-f]{6}-0-before$/);
  // The rewrite: a temporary copy outside the context, under the original's name, same context.
  const tempFile = rewritten[rewritten.indexOf('-f') + 1];
  expect(basename(tempFile)).toBe('Dockerfile');
  expect(tempFile.startsWith(dir)).toBe(false);
  expect(existsSync(tempFile)).toBe(false);
  expect(rewritten.slice(-5)).toEqual(['--target', 'app', '--build-arg', 'A=1', '.']);
  expect(builds(fakes).map((b) => b[2])).toEqual([MESSY, rewrite]);
  // Both images removed, by the tags they were given.
  const removed = tool(fakes, 'docker').filter((c) => c[1] === 'image' && c[2] === 'rm');
  expect(removed.flatMap((c) => c.slice(3)).sort()).toEqual(
    [tagOf(original), tagOf(rewritten)].sort(),
  );
  expect(fakes.images()).toEqual([]);
  // The table: sizes and layers as the fake reports them (1000 bytes per byte; 1 + RUN/COPY/ADD).
  const size = (text: string) => `${((text.length * 1000) / 1e3).toFixed(0)} kB`;
  const percent = (((rewrite.length - MESSY.length) / MESSY.length) * 100).toFixed(1);
  const lines = stdout.split('\n');
  expect(lines[0]).toMatch(/^file\s+result\s+size before → after\s+layers\s+build time$/);
  expect(lines[2]).toMatch(
    new RegExp(
      `^Dockerfile\\s+ok\\s+${size(MESSY)} → ${size(rewrite)} \\(\\+${percent}%\\)\\s+6 → 4\\s+\\d+\\.\\d s → \\d+\\.\\d s$`,
    ),
  );
  expect(lines[4]).toMatch(/^total \(1 file\)\s+1 ok, 0 not\s+/);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(MESSY);
});

test('auto-detection skips a docker client without a daemon and uses podman; smoke and compressed sizes', () => {
  const fakes = installFakeBuilders(dir, ['docker', 'podman'], { FAKE_DOCKER_DAEMON: 'down' });
  const { code, stdout, stderr } = dockopt(
    ['verify', 'Dockerfile', '--smoke', 'test -f "$FAKE_IMAGE_DOCKERFILE"', '--compressed'],
    fakes,
  );
  expect(stderr).toContain('dockopt: verifying with podman 4.9.3\n');
  expect(code).toBe(0);
  expect(tool(fakes, 'docker').map((c) => c.slice(1, 2))).toEqual([['version']]);
  const podman = tool(fakes, 'podman');
  const build = podman.find((c) => c[1] === 'build')!;
  expect(build.slice(0, 5)).toEqual(['podman', 'build', '--layers', '-f', 'Dockerfile']);
  const runs = podman.filter((c) => c[1] === 'run');
  expect(runs).toHaveLength(2);
  expect(runs[0].slice(1, 5)).toEqual(['run', '--rm', '--entrypoint', '/bin/sh']);
  expect(runs[0].slice(-2)).toEqual(['-c', 'test -f "$FAKE_IMAGE_DOCKERFILE"']);
  expect(podman.filter((c) => c[1] === 'push').map((c) => c.slice(1, 4))).toEqual([
    ['push', '--compression-format', 'gzip'],
    ['push', '--compression-format', 'gzip'],
  ]);
  expect(stdout.split('\n')[0]).toMatch(/compressed before → after/);
  expect(fakes.images()).toEqual([]);
});

test('buildah: bud --layers, smoke through buildah from + run, containers and images removed', () => {
  const fakes = installFakeBuilders(dir, ['buildah']);
  const { code, stderr } = dockopt(['verify', 'Dockerfile', '--smoke', 'true'], fakes);
  expect(stderr).toContain('dockopt: verifying with buildah 1.28.2\n');
  expect(code).toBe(0);
  const calls = tool(fakes, 'buildah').map((c) => c.slice(1));
  expect(calls.filter((c) => c[0] === 'bud').map((c) => c.slice(0, 2))).toEqual([
    ['bud', '--layers'],
    ['bud', '--layers'],
  ]);
  const froms = calls.filter((c) => c[0] === 'from');
  expect(froms).toHaveLength(2);
  for (const from of froms) {
    const name = from[from.indexOf('--name') + 1];
    expect(calls).toContainEqual(['run', name, '--', '/bin/sh', '-c', 'true']);
    expect(calls).toContainEqual(['rm', name]);
  }
  expect(fakes.images()).toEqual([]);
});

test('--builder names one that does not work: exit 2 and why', () => {
  const fakes = installFakeBuilders(dir, ['docker'], { FAKE_DOCKER_DAEMON: 'down' });
  const { code, stderr } = dockopt(['verify', 'Dockerfile', '--builder', 'docker'], fakes);
  expect(code).toBe(2);
  expect(stderr).toContain(
    'dockopt: --builder docker does not work here: docker version failed: Cannot connect to the Docker daemon',
  );
});

test('no builder at all: exit 2, naming what was tried', () => {
  const fakes = installFakeBuilders(dir, []);
  const { code, stderr } = dockopt(['verify', 'Dockerfile'], fakes);
  expect(code).toBe(2);
  expect(stderr).toMatch(
    /^dockopt: no working image builder found \(tried docker: docker version failed: .*; podman: .*; buildah: .*\)\n$/,
  );
});

test('verify: a rewrite that does not build is reported with the builder error (exit 1), nothing written', () => {
  const fakes = installFakeBuilders(dir, ['docker'], {
    FAKE_BUILDER_FAIL_ON: '--no-install-recommends',
  });
  const { code, stdout, stderr } = dockopt(['verify', 'Dockerfile'], fakes);
  expect(code).toBe(1);
  expect(stderr).toContain('dockopt: Dockerfile: the rewrite does not build:\n');
  expect(stderr).toContain('error building at STEP "apt-get install --no-install-recommends');
  expect(stdout.split('\n')[2]).toMatch(/^Dockerfile\s+failed\s+/);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(MESSY);
  expect(fakes.images()).toEqual([]);
});

test('verify: a smoke command whose exit code changes fails the rewrite', () => {
  const fakes = installFakeBuilders(dir, ['docker']);
  const smoke = '! grep -q no-install-recommends "$FAKE_IMAGE_DOCKERFILE"';
  const { code, stdout, stderr } = dockopt(['verify', 'Dockerfile', '--smoke', smoke], fakes);
  expect(code).toBe(1);
  expect(stderr).toContain(
    'dockopt: Dockerfile: the smoke command exits 1 in the rewrite (original: 0)',
  );
  expect(stdout.split('\n')[2]).toMatch(/^Dockerfile\s+smoke differs\s+/);
});

test('verify: an original that does not build is an error (exit 2)', () => {
  const fakes = installFakeBuilders(dir, ['docker'], { FAKE_BUILDER_FAIL_ON: 'apt-get update' });
  const { code, stderr } = dockopt(['verify', 'Dockerfile'], fakes);
  expect(code).toBe(2);
  expect(stderr).toContain('dockopt: Dockerfile: the original does not build:\n');
  expect(builds(fakes)).toHaveLength(1);
});

test('verify builds nothing for a file that does not change', () => {
  writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:bookworm\nCMD ["sh"]\n');
  const fakes = installFakeBuilders(dir, ['docker']);
  const { code, stdout, stderr } = dockopt(['verify', 'Dockerfile'], fakes);
  expect(code).toBe(0);
  expect(stdout).toBe('');
  expect(stderr).toContain('0 built, 1 unchanged (not built), 0 failed, 0 errors\n');
  expect(builds(fakes)).toEqual([]);
});

test('--write --verify writes a rewrite that builds', () => {
  const fakes = installFakeBuilders(dir, ['docker']);
  const rewrite = printed();
  const { code, stdout, stderr } = dockopt(['--write', '--verify', 'Dockerfile'], fakes);
  expect(code).toBe(0);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(rewrite);
  // The table goes to stderr: stdout stays free for --format json and the like.
  expect(stdout).toBe('');
  expect(stderr).toMatch(/\nDockerfile\s+ok\s+\d+ kB → \d+ kB/);
});

test('--write --verify rolls back the transform that breaks the build, writes the rest, names it', () => {
  const fakes = installFakeBuilders(dir, ['docker'], {
    FAKE_BUILDER_FAIL_ON: '--no-install-recommends',
  });
  const { code, stdout, stderr } = dockopt(['--write', '--verify', 'Dockerfile'], fakes);
  expect(code).toBe(1);
  expect(stderr).toContain(
    'dockopt: Dockerfile: not applied: apt-hygiene breaks the build: the rewrite does not build:\n',
  );
  expect(stderr).toContain('error building at STEP "apt-get install --no-install-recommends');
  // What is written is exactly the rewrite without apt-hygiene, and it was built.
  const withoutCulprit = printed(['--disable', 'apt-hygiene']);
  expect(withoutCulprit).not.toBe(MESSY);
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(withoutCulprit);
  expect(builds(fakes).map((b) => b[2])).toContain(withoutCulprit);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/\nDockerfile\s+ok without apt-hygiene\s+/);
  expect(fakes.images()).toEqual([]);
});

test('--write --verify rolls back a broken custom transform given with --transform', () => {
  // Deliberately broken, for this test only: makes the last RUN of the file fail.
  writeFileSync(
    join(dir, 'break-last-run.mjs'),
    `export default {
  meta: { id: 'break-last-run', title: 'breaks the build', description: 'appends && false',
          safety: 'safe', category: 'size' },
  create(ctx) {
    const runs = ctx.model.instructions.filter((n) => n.keyword === 'RUN');
    const last = runs[runs.length - 1];
    if (!last || ctx.model.text.slice(last.start, last.end).endsWith('&& false')) return;
    ctx.report({ message: 'made the last RUN fail', node: last,
                 fix: [{ start: last.end, end: last.end, text: ' && false' }] });
  },
};
`,
  );
  const fakes = installFakeBuilders(dir, ['docker']);
  const expected = printed();
  const { code, stderr } = dockopt(
    ['--write', '--verify', '--transform', './break-last-run.mjs', 'Dockerfile'],
    fakes,
  );
  expect(code).toBe(1);
  expect(stderr).toContain(
    'dockopt: Dockerfile: not applied: break-last-run breaks the build: the rewrite does not build:\n',
  );
  expect(stderr).toContain('error building at STEP "make -C /src && false": exit status 1');
  // Everything else is kept: the file is what the built-in transforms alone make of it.
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(expected);
  expect(fakes.images()).toEqual([]);
});

test('--write --verify writes nothing when no part of the rewrite builds', () => {
  const fakes = installFakeBuilders(dir, ['docker'], { FAKE_BUILDER_FAIL_ON: '&& \\' });
  const { code, stderr } = dockopt(
    ['--write', '--verify', '--disable', 'dockerignore', 'Dockerfile'],
    fakes,
  );
  expect(code).toBe(1);
  expect(stderr).toMatch(/not applied: (apt-hygiene|collapse-run) breaks the build/);
  expect(stderr).toContain('0 written, 1 unchanged, 0 errors');
  expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(MESSY);
});

test.each(['buildah', 'docker'] as const)(
  '%s: a rewrite that also changes the .dockerignore is built with the new one',
  (builder) => {
    const fakes = installFakeBuilders(dir, [builder]);
    // An editor's folder in the context: the proposed ignore file keeps it out of the image.
    mkdirSync(join(dir, '.idea'));
    writeFileSync(join(dir, '.idea', 'workspace.xml'), '<project/>\n');
    const { code } = dockopt(['--write', '--verify', 'Dockerfile'], fakes);
    expect(code).toBe(0);
    const written = readFileSync(join(dir, '.dockerignore'), 'utf8');
    expect(written).toContain('.idea');
    const [original, rewrite] = builds(fakes);
    expect(original).toHaveLength(3); // no ignore file for the original: the context has none
    expect(rewrite.slice(2)).toEqual([readFileSync(join(dir, 'Dockerfile'), 'utf8'), written]);
    const build = fakes.calls().filter((c) => c[0] === builder && ['bud', 'buildx'].includes(c[1]));
    const args = build[1];
    if (builder === 'buildah') {
      const ignoreFile = args[args.indexOf('--ignorefile') + 1];
      expect(ignoreFile).toBe(`${args[args.indexOf('-f') + 1]}.dockerignore`);
    } else expect(args).not.toContain('--ignorefile'); // BuildKit reads <Dockerfile>.dockerignore
  },
);

test.each([
  [['--verify', 'Dockerfile'], '--verify goes with --write'],
  [['--smoke', 'true', 'Dockerfile'], '--smoke only apply to dockopt verify or --write --verify'],
  [['verify', '--check', 'Dockerfile'], 'it does not take --check'],
  [['verify', '-'], 'cannot verify stdin'],
])('usage error: %j', (args, message) => {
  const fakes = installFakeBuilders(dir, ['docker']);
  const { code, stderr } = dockopt(args, fakes);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(fakes.calls()).toEqual([]);
});

test('an interrupted verify stops the build and removes the image it tagged', async () => {
  const fakes = installFakeBuilders(dir, ['docker'], { FAKE_BUILDER_SLOW: '30' });
  const child = spawn(process.execPath, [BIN, 'verify', 'Dockerfile'], {
    cwd: dir,
    env: fakes.env,
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Wait until the build has tagged its image, then interrupt.
  const deadline = Date.now() + 20_000;
  while (fakes.images().length === 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(fakes.images()).toHaveLength(1);
  child.kill('SIGINT');
  expect(await exited).toBe(130);
  expect(fakes.images()).toEqual([]);
  const removed = tool(fakes, 'docker').filter((c) => c[1] === 'image' && c[2] === 'rm');
  expect(removed).toHaveLength(1);
}, 30_000);
