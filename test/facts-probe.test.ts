/**
 * The probe script run for real, on this machine's own root file system, by /bin/sh and by
 * busybox sh with only busybox applets on PATH (as in an Alpine image: no GNU find -printf, no
 * package database tool), and its output read into facts.
 *
 * The busybox half is skipped, with the reason printed, when busybox is not installed
 * (`apt-get install busybox`).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseListing } from '../src/facts/fs-diff.js';
import { parseOsRelease } from '../src/facts/os-release.js';
import {
  parseProbeOutput,
  probeArgv,
  type EntryRequest,
  type ProbeRequest,
} from '../src/facts/probe.js';
import { entryFacts, jarArgument, loaderRunsNeeded, programFacts } from '../src/facts/program.js';

const root = mkdtempSync(join(tmpdir(), 'dockopt-probe-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const busybox = ['/usr/bin/busybox', '/bin/busybox'].find(
  (path) => spawnSync(path, ['true']).status === 0,
);
if (!busybox)
  console.log('facts-probe: busybox is not installed: the busybox sh cases are skipped');

/** A directory of busybox applet links, without rpm and dpkg: what an Alpine image's PATH offers. */
function busyboxPath(): string {
  const dir = join(root, 'busybox-bin');
  mkdirSync(dir);
  const applets = spawnSync(busybox!, ['--list'], { encoding: 'utf8' }).stdout.split('\n');
  for (const applet of applets)
    if (applet && !['rpm', 'dpkg', 'dpkg-deb'].includes(applet))
      symlinkSync(busybox!, join(dir, applet));
  return dir;
}

const shells: [string, () => { shell: string[]; path: string }][] = [
  ['/bin/sh', () => ({ shell: ['/bin/sh'], path: process.env.PATH ?? '/usr/bin:/bin' })],
];
if (busybox) shells.push(['busybox sh', () => ({ shell: [busybox, 'sh'], path: busyboxPath() })]);

// A tree for the probe to find things in: a script under a directory with a space in its name,
// symlinks to it, a fake JDK, a non-executable file on PATH, and a listing root.
const app = join(root, 'my app');
mkdirSync(join(app, 'bin'), { recursive: true });
writeFileSync(join(app, 'run me.sh'), '#!/bin/sh\necho run\n');
chmodSync(join(app, 'run me.sh'), 0o755);
writeFileSync(join(app, 'bin', 'tool'), '#!/usr/bin/env -S sh -e\necho tool\n');
chmodSync(join(app, 'bin', 'tool'), 0o755);
symlinkSync('tool', join(app, 'bin', 'tool-link'));
symlinkSync(join(app, 'bin', 'tool-link'), join(app, 'bin', 'tool-link-2'));
writeFileSync(join(app, 'bin', 'not-executable'), 'data\n');
writeFileSync(join(app, 'app.jar'), 'PK');
const jdk = join(root, 'jdk-17');
mkdirSync(join(jdk, 'bin'), { recursive: true });
mkdirSync(join(jdk, 'jmods'));
writeFileSync(
  join(jdk, 'bin', 'java'),
  "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\necho 'OpenJDK Runtime Environment (build 17.0.2+8)' >&2\n",
);
chmodSync(join(jdk, 'bin', 'java'), 0o755);
writeFileSync(join(jdk, 'bin', 'javac'), '');
writeFileSync(join(jdk, 'release'), 'IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="17.0.2"\n');
const jdk8 = join(root, 'jdk8');
mkdirSync(join(jdk8, 'jre', 'bin'), { recursive: true });
mkdirSync(join(jdk8, 'bin'));
writeFileSync(
  join(jdk8, 'jre', 'bin', 'java'),
  '#!/bin/sh\necho \'openjdk version "1.8.0_392"\' >&2\n',
);
chmodSync(join(jdk8, 'jre', 'bin', 'java'), 0o755);
mkdirSync(join(root, 'alternatives'));
symlinkSync(join(jdk8, 'jre', 'bin', 'java'), join(root, 'alternatives', 'java'));

function runProbe(shell: string[], path: string, request: ProbeRequest, cwd = '/') {
  const [, ...args] = probeArgv(request);
  const result = spawnSync(shell[0], [...shell.slice(1), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: path },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.status).toBe(0);
  return parseProbeOutput(result.stdout);
}

const hostHas = (tool: string) => spawnSync('/bin/sh', ['-c', `command -v ${tool}`]).status === 0;

describe.each(shells)('the probe run by %s', (_name, setup) => {
  let shell: string[] = [];
  let path = '';
  beforeAll(() => ({ shell, path } = setup()));
  const entry = (
    argv: string[],
    workdir = '/',
    searchPath = '/usr/local/bin:/usr/bin:/bin',
  ): EntryRequest => ({
    argv,
    path: searchPath,
    workdir,
  });
  const probeEntry = (request: EntryRequest, checks: string[] = []) => {
    const out = runProbe(shell, path, { entry: request, checks });
    expect(out.complete).toBe(true);
    return { out, facts: entryFacts(out, request)! };
  };

  test('ls: found on PATH, a dynamic ELF file whose loader lists its libraries', () => {
    const { out, facts } = probeEntry(entry(['ls', '-l']));
    const program = facts.program;
    if (program.kind !== 'elf') throw new Error(`ls is ${program.kind}`);
    expect(program.path).toMatch(/^\/(usr\/)?bin\/ls$/);
    expect(program.resolved).toBe(realpathSync(program.path));
    expect(program.elf.linkage).toBe('dynamic');
    expect(loaderRunsNeeded(out)).toEqual([]);
    expect(program.closure).not.toBeNull();
    const libc = program.libraries.find((l) => /^libc\.so/.test(l.name));
    expect(libc?.libc).toBe(true);
    expect(libc?.path).toMatch(/\/libc\.so\.6$/);
    expect(program.libraries.some((l) => l.path === program.elf.interpreter)).toBe(true);
    if (shell[0] === '/bin/sh' && hostHas('dpkg-query')) {
      expect(out.ownerTool).toBe('dpkg');
      expect(program.package).toBe('coreutils');
      expect(libc?.package).toMatch(/^libc6/);
    } else if (shell[0] !== '/bin/sh') {
      // No dpkg-query among the applets. (A busybox built to prefer its own applets finds its
      // rpm applet, which knows no packages here: nothing is printed then.)
      expect([null, 'none']).toContain(out.ownerTool);
      expect(program.package).toBeNull();
    }
  });

  test('a script named by a relative path with spaces: its #! interpreter is described too', () => {
    const { facts } = probeEntry(entry(['./run me.sh'], app));
    const program = facts.program;
    if (program.kind !== 'script') throw new Error(`got ${program.kind}`);
    expect(program.path).toBe(`${app}/./run me.sh`);
    expect(program.resolved).toBe(join(app, 'run me.sh'));
    expect(program.shebang).toBe('/bin/sh');
    expect(program.interpreter).toMatchObject({
      kind: 'elf',
      path: '/bin/sh',
      resolved: realpathSync('/bin/sh'),
    });
    expect(facts.java).toBeNull();
  });

  test('symlinks are followed; `#!/usr/bin/env -S sh -e` runs sh from PATH', () => {
    const { facts } = probeEntry(entry(['tool-link-2'], '/', `${join(app, 'bin')}:/usr/bin:/bin`));
    const program = facts.program;
    if (program.kind !== 'script') throw new Error(`got ${program.kind}`);
    expect(program.path).toBe(join(app, 'bin', 'tool-link-2'));
    expect(program.resolved).toBe(join(app, 'bin', 'tool'));
    expect(program.shebang).toBe('/usr/bin/env -S sh -e');
    expect(program.interpreter).toMatchObject({ kind: 'elf', path: '/usr/bin/sh' });
  });

  test('PATH search skips a file that is not executable, as execvp does; missing names are said so', () => {
    const searchPath = `${join(app, 'bin')}:/usr/bin:/bin`;
    expect(probeEntry(entry(['not-executable'], '/', searchPath)).facts.program).toEqual({
      kind: 'missing',
      name: 'not-executable',
    });
    expect(probeEntry(entry(['no-such-program-dockopt'])).facts.program).toEqual({
      kind: 'missing',
      name: 'no-such-program-dockopt',
    });
    expect(probeEntry(entry(['bin/absent'], app)).facts.program).toEqual({
      kind: 'missing',
      name: 'bin/absent',
    });
  });

  test('java -jar: JAVA_HOME, version, JDK tools, release file and the jar', () => {
    const request = entry(
      ['java', '-Xmx64m', '-jar', 'app.jar'],
      app,
      `${join(jdk, 'bin')}:/usr/bin:/bin`,
    );
    const { facts } = probeEntry(request, [jarArgument(request)!]);
    expect(facts.java).toMatchObject({
      home: jdk,
      major: 17,
      version: '17.0.2',
      implementor: 'Eclipse Adoptium',
      jdk: true,
      jlink: false,
      jmods: true,
      jar: { path: join(app, 'app.jar'), exists: true },
    });
    expect(facts.java?.versionOutput[1]).toBe('OpenJDK Runtime Environment (build 17.0.2+8)');
  });

  test('java 8 through an alternatives symlink: JAVA_HOME is the JDK above jre/, the jar is missing', () => {
    const request = entry(
      ['java', '-jar', '/srv/missing.jar'],
      '/',
      `${join(root, 'alternatives')}:/usr/bin`,
    );
    const { facts } = probeEntry(request, [jarArgument(request)!]);
    expect(facts.java).toMatchObject({
      java: {
        path: join(root, 'alternatives', 'java'),
        resolved: join(jdk8, 'jre', 'bin', 'java'),
      },
      home: jdk8,
      major: 8,
      version: '1.8.0_392',
      jdk: false,
      jar: { path: '/srv/missing.jar', exists: false },
    });
  });

  test("without PATH and WORKDIR the container's own are used, and reported; relative checks too", () => {
    const request: EntryRequest = { argv: ['java', '-jar', 'app.jar'] };
    const out = runProbe(
      shell,
      `${join(jdk, 'bin')}:${path}`,
      {
        entry: request,
        checks: [jarArgument(request)!, 'bin/tool', '/no/such/file'],
      },
      app,
    );
    expect(out.complete).toBe(true);
    expect([out.path, out.workdir]).toEqual([`${join(jdk, 'bin')}:${path}`, app]);
    expect(Object.fromEntries(out.checks)).toEqual({
      [join(app, 'app.jar')]: true,
      [join(app, 'bin', 'tool')]: true,
      '/no/such/file': false,
    });
    const facts = entryFacts(out, request)!;
    expect(facts).toMatchObject({
      path: out.path,
      workdir: app,
      program: { kind: 'script', path: join(jdk, 'bin', 'java') },
    });
    expect(facts.java?.jar).toEqual({ path: join(app, 'app.jar'), exists: true });
  });

  test('a loader given by Node is run on the file it is given', () => {
    const first = runProbe(shell, path, { entry: entry(['ls']) });
    const record = first.roles.get('entry')!;
    const interpreter = (programFacts(first, 'entry') as { elf: { interpreter: string } }).elf
      .interpreter;
    const again = runProbe(shell, path, {
      loaderRuns: [{ role: 'entry', interpreter, file: record.resolved! }],
    });
    expect(again.complete).toBe(true);
    const runs = again.roles.get('entry')!.loaderRuns;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ interpreter, exit: '0' });
    expect(runs[0].lines.join('\n')).toMatch(/libc\.so\.6 => \/\S*libc\.so\.6 \(0x/);
  });

  test('os-release is read as the shell would', () => {
    const out = runProbe(shell, path, { os: true });
    const os = parseOsRelease(out.osLines, out.release);
    const expected = spawnSync('/bin/sh', ['-c', '. /etc/os-release && printf %s "$ID"'], {
      encoding: 'utf8',
    }).stdout;
    expect(os.id).toBe(expected || null);
  });

  test('the file listing: types, modes, a symlink target, a name with spaces, pruned directories', () => {
    const tree = join(root, `tree-${shell.length}`);
    mkdirSync(join(tree, 'usr', 'local', 'bin'), { recursive: true });
    mkdirSync(join(tree, 'tmp'));
    mkdirSync(join(tree, 'var', 'cache', 'apt'), { recursive: true });
    writeFileSync(join(tree, 'tmp', 'scratch'), 'x');
    writeFileSync(join(tree, 'var', 'cache', 'apt', 'pkgcache.bin'), 'x');
    writeFileSync(join(tree, 'usr', 'local', 'bin', 'my tool'), 'abc');
    chmodSync(join(tree, 'usr', 'local', 'bin', 'my tool'), 0o751);
    symlinkSync('my tool', join(tree, 'usr', 'local', 'bin', 'alias'));
    const out = runProbe(shell, path, { list: tree });
    expect(out.listing?.format).toBe(shell[0] === '/bin/sh' ? 'find-printf' : 'find-stat');
    const listing = parseListing(out.listing!.lines, out.listing!.format);
    expect(listing.malformed).toBe(0);
    const byPath = new Map(listing.entries.map((e) => [e.path, e]));
    expect([...byPath.keys()].sort()).toEqual(
      [
        '/',
        '/usr',
        '/usr/local',
        '/usr/local/bin',
        '/usr/local/bin/alias',
        '/usr/local/bin/my tool',
        '/var',
      ].sort(),
    );
    expect(byPath.get('/usr/local/bin/my tool')).toMatchObject({
      type: 'file',
      mode: 0o751,
      size: 3,
    });
    expect(byPath.get('/usr/local/bin/alias')).toMatchObject({
      type: 'symlink',
      target: 'my tool',
      size: 7,
    });
    expect(byPath.get('/usr')?.type).toBe('dir');
    expect(readdirSync(tree)).toContain('tmp');
  });
});
