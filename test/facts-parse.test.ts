/**
 * Reading probe answers that this machine cannot produce: Alpine (musl loader, apk), RHEL (rpm),
 * Debian testing, a loader the probe did not guess, missing libraries and tools, output cut short,
 * names with spaces and tabs around them.
 */
import { readFileSync } from 'node:fs';
import { parseOsRelease } from '../src/facts/os-release.js';
import { ownerOf, parseProbeOutput, probeArgv } from '../src/facts/probe.js';
import { PROBE_SCRIPT } from '../src/facts/probe-script.js';
import { entryFacts, loaderRunsNeeded, majorOf, parseLoaderList } from '../src/facts/program.js';

/** `od -An -v -tx1` of the first 4 KiB of a file, as `hex` records of a role. */
function hexRecords(role: string, path = '/bin/ls'): string[] {
  const bytes = readFileSync(path).subarray(0, 4096);
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16)
    lines.push(
      `hex\t${role}\t ${[...bytes.subarray(i, i + 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
    );
  return lines;
}

const LS_LOADER = (() => {
  const out = parseProbeOutput(
    [
      'dockopt-probe\t1',
      'resolve\tentry\tfound\t/bin/ls',
      'kind\tentry\telf',
      ...hexRecords('entry'),
      'end',
    ].join('\n'),
  );
  const facts = entryFacts(out, { argv: ['ls'], path: '/bin', workdir: '/' })!;
  return (facts.program as { elf: { interpreter: string } }).elf.interpreter;
})();

const entry = { argv: ['/usr/local/bin/my app'], path: '/usr/bin', workdir: '/' };

function answer(lines: string[]): string {
  return ['dockopt-probe\t1', ...lines, 'end', ''].join('\n');
}

describe('the probe command', () => {
  test('is /bin/sh -c <script> with key=value arguments, prunes relative to the listed root', () => {
    const argv = probeArgv({
      os: true,
      entry: {
        argv: ['java', '-jar', 'a b.jar'],
        path: '/opt/java/bin:/usr/bin',
        workdir: '/srv/my app',
      },
      checks: ['/srv/my app/a b.jar'],
      list: '/',
    });
    expect(argv.slice(0, 4)).toEqual(['/bin/sh', '-c', PROBE_SCRIPT, 'dockopt-probe']);
    expect(argv.slice(4, 9)).toEqual([
      'os=1',
      'program=java',
      'path=/opt/java/bin:/usr/bin',
      'workdir=/srv/my app',
      'check=/srv/my app/a b.jar',
    ]);
    expect(argv).toContain('list=/');
    const prune = argv
      .find((a) => a.startsWith('prune='))!
      .slice('prune='.length)
      .split('\n');
    expect(prune).toContain('./proc');
    expect(prune).toContain('./var/lib/apt/lists');
    // JavaScript's template must not have eaten a shell expansion.
    expect(PROBE_SCRIPT).toContain('${arg#os=}');
    expect(PROBE_SCRIPT).not.toContain('$\\{');
  });
});

describe('probe answers', () => {
  test('Alpine: musl loader guessed right, libraries owned per apk, os-release and alpine-release', () => {
    const out = parseProbeOutput(
      answer([
        'os-release\tNAME="Alpine Linux"',
        'os-release\tID=alpine',
        'os-release\tVERSION_ID=3.19.1',
        'alpine-release\t3.19.1',
        'resolve\tentry\tfound\t/usr/local/bin/my app',
        'file\tentry\t/usr/local/bin/my app',
        'kind\tentry\telf',
        ...hexRecords('entry'),
        `ld-run\tentry\t${LS_LOADER}`,
        'ld-exit\tentry\t0',
        `ld\tentry\t\t${LS_LOADER} (0x7f5e2c1a4000)`,
        'ld\tentry\t\tlibz.so.1 => /lib/libz.so.1 (0x7f5e2c17a000)',
        'ld\tentry\t\tlibc.musl-x86_64.so.1 => /lib/ld-musl-x86_64.so.1 (0x7f5e2c1a4000)',
        'owner\tapk\t/lib/libz.so.1.3.1 is owned by zlib-1.3.1-r0',
        'owner\tapk\t/lib/ld-musl-x86_64.so.1 is owned by musl-1.2.4_git20230717-r4',
        'alias\t/lib/libz.so.1\t/lib/libz.so.1.3.1',
      ]),
    );
    expect(out.complete).toBe(true);
    expect(parseOsRelease(out.osLines, out.release)).toMatchObject({
      id: 'alpine',
      versionId: '3.19.1',
      alpineRelease: '3.19.1',
      codename: null,
    });
    const program = entryFacts(out, entry)!.program;
    if (program.kind !== 'elf') throw new Error(program.kind);
    expect(program.path).toBe('/usr/local/bin/my app');
    expect(program.closure).toBe('libraries');
    expect(program.libraries.map((l) => [l.name, l.package, l.libc])).toEqual([
      [LS_LOADER, null, true],
      ['libz.so.1', 'zlib', false],
      ['libc.musl-x86_64.so.1', 'musl', true],
    ]);
    expect(program.package).toBeNull();
  });

  test('glibc, libc only, owners found through merged /usr; a missing library', () => {
    const lines = [
      'resolve\tentry\tfound\t/usr/local/bin/my app',
      'kind\tentry\telf',
      ...hexRecords('entry'),
      `ld-run\tentry\t${LS_LOADER}`,
      'ld-exit\tentry\t0',
      '\tlinux-vdso.so.1 (0x00007ffc0b5f2000)',
      'ld\tentry\t\tlinux-vdso.so.1 (0x00007ffc0b5f2000)',
      'ld\tentry\t\tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f)',
      'ld\tentry\t\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)',
      `ld\tentry\t\t${LS_LOADER} (0x00007f)`,
      'owner\tdpkg\tlibc6:amd64: /usr/lib/x86_64-linux-gnu/libm.so.6',
      'owner\tdpkg\tdiversion by foo from: /lib/x86_64-linux-gnu/libc.so.6',
      'owner\tdpkg\tlibc6:amd64, libc6-dbg:amd64: /lib/x86_64-linux-gnu/libc.so.6',
    ];
    const libcOnly = entryFacts(parseProbeOutput(answer(lines)), entry)!.program;
    expect(libcOnly).toMatchObject({ kind: 'elf', closure: 'libc-only', missing: [] });
    expect(
      (libcOnly as { libraries: { package: string | null }[] }).libraries.map((l) => l.package),
    ).toEqual(['libc6', 'libc6', null]);

    const withMissing = [...lines, 'ld\tentry\t\tlibssl.so.3 => not found'];
    expect(entryFacts(parseProbeOutput(answer(withMissing)), entry)!.program).toMatchObject({
      closure: 'libraries',
      missing: ['libssl.so.3'],
    });
  });

  test('RHEL: rpm owners, ID_LIKE, no codename', () => {
    const out = parseProbeOutput(
      answer([
        'os-release\tNAME="Red Hat Enterprise Linux"',
        'os-release\tID="rhel"',
        'os-release\tID_LIKE="fedora"',
        'os-release\tVERSION_ID="9.3"',
        'redhat-release\tRed Hat Enterprise Linux release 9.3 (Plow)',
        'owner\trpm\tglibc: /usr/lib64/libc.so.6',
      ]),
    );
    expect(parseOsRelease(out.osLines, out.release)).toMatchObject({
      id: 'rhel',
      idLike: ['fedora'],
      versionId: '9.3',
      codename: null,
      redhatRelease: 'Red Hat Enterprise Linux release 9.3 (Plow)',
    });
    expect(ownerOf(out, '/lib64/libc.so.6')).toBe('glibc');
  });

  test('a loader the probe did not guess is asked for again; until then the closure is unknown', () => {
    const out = parseProbeOutput(
      answer([
        'resolve\tentry\tfound\t/app/server',
        'file\tentry\t/app/server',
        'kind\tentry\telf',
        ...hexRecords('entry'),
        'ld-run\tentry\t/lib/ld-wrong.so.2',
        'ld-exit\tentry\t127',
      ]),
    );
    expect(loaderRunsNeeded(out)).toEqual([
      { role: 'entry', interpreter: LS_LOADER, file: '/app/server' },
    ]);
    expect(entryFacts(out, entry)!.program).toMatchObject({
      closure: null,
      closureError: `the loader ${LS_LOADER} was not run`,
    });
  });

  test('the loader failing, or absent', () => {
    const base = [
      'resolve\tentry\tfound\t/app/server',
      'kind\tentry\telf',
      ...hexRecords('entry'),
      `ld-run\tentry\t${LS_LOADER}`,
    ];
    const failed = parseProbeOutput(
      answer([...base, 'ld-exit\tentry\t1', 'ld\tentry\t\tnot a dynamic executable']),
    );
    expect(entryFacts(failed, entry)!.program).toMatchObject({
      closure: null,
      closureError: `${LS_LOADER} --list exited 1: not a dynamic executable`,
    });
    const absent = parseProbeOutput(answer([...base, 'ld-exit\tentry\tmissing']));
    expect(entryFacts(absent, entry)!.program).toMatchObject({
      closure: null,
      closureError: `no loader ${LS_LOADER} in the image`,
    });
  });

  test('missing tools: no od, no package database, no usable find', () => {
    const out = parseProbeOutput(
      answer([
        'resolve\tentry\tfound\t/bin/app',
        'file\tentry\t/bin/app',
        'kind\tentry\tunknown',
        'owner\tnone',
        'listing\tnone\tneither GNU find -printf nor find -exec stat',
        'listing-end',
      ]),
    );
    expect(entryFacts(out, entry)!.program).toEqual({
      kind: 'other',
      path: '/bin/app',
      resolved: '/bin/app',
      package: null,
      detail: 'unreadable: od is not in the image',
    });
    expect(out.ownerTool).toBe('none');
    expect(out.listing).toEqual({
      format: 'none',
      lines: [],
      reason: 'neither GNU find -printf nor find -exec stat',
    });
  });

  test('output cut short is not complete; a record of an unknown kind is ignored', () => {
    const out = parseProbeOutput(
      'dockopt-probe\t1\nfuture-record\tx\tyz\nresolve\tentry\tmissing\tapp\n',
    );
    expect(out.complete).toBe(false);
    expect(entryFacts(out, entry)!.program).toEqual({ kind: 'missing', name: 'app' });
    expect(parseProbeOutput('end\n').complete).toBe(false);
  });

  test('a text file that is neither ELF nor script; a listing whose names hold spaces and arrows', () => {
    const out = parseProbeOutput(
      answer([
        'resolve\tentry\tfound\t/srv/a b/data file',
        'file\tentry\t/srv/a b/data file',
        'kind\tentry\tother\t68656c6c',
        'listing\tfind-printf',
        'F f 644 0 0 3 1700000000.5 ./srv/a b/x -> y',
        'F l 777 0 0 5 1700000000.5 ./srv/a b/link',
        '-> a -> b',
        'listing-end',
      ]),
    );
    expect(entryFacts(out, entry)!.program).toMatchObject({
      kind: 'other',
      path: '/srv/a b/data file',
      detail: 'starts with bytes 68656c6c',
    });
    expect(out.listing?.lines).toEqual([
      'F f 644 0 0 3 1700000000.5 ./srv/a b/x -> y',
      'F l 777 0 0 5 1700000000.5 ./srv/a b/link',
      '-> a -> b',
    ]);
    expect(out.complete).toBe(true);
  });
});

describe('os-release', () => {
  test('Debian testing: no VERSION_ID, codename kept', () => {
    const os = parseOsRelease(
      [
        'PRETTY_NAME="Debian GNU/Linux trixie/sid"',
        'NAME="Debian GNU/Linux"',
        'VERSION_CODENAME=trixie',
        'ID=debian',
      ],
      { debian: 'trixie/sid\n' },
    );
    expect(os).toMatchObject({
      id: 'debian',
      versionId: null,
      codename: 'trixie',
      debianVersion: 'trixie/sid',
    });
  });

  test('codename from VERSION when VERSION_CODENAME is absent; Ubuntu; quotes and escapes', () => {
    expect(parseOsRelease(['ID=debian', 'VERSION="8 (jessie)"', 'VERSION_ID="8"']).codename).toBe(
      'jessie',
    );
    expect(
      parseOsRelease([
        'ID=ubuntu',
        'ID_LIKE=debian',
        'VERSION_ID="22.04"',
        'UBUNTU_CODENAME=jammy',
      ]),
    ).toMatchObject({ codename: 'jammy', idLike: ['debian'] });
    expect(
      parseOsRelease([
        'PRETTY_NAME="A \\"quoted\\" \\$name"',
        "NAME='single'",
        '# comment',
        'garbage',
      ]).prettyName,
    ).toBe('A "quoted" $name');
    expect(parseOsRelease([]).id).toBeNull();
  });
});

describe('loader lists and versions', () => {
  test('musl reports a missing library as an error line', () => {
    expect(
      parseLoaderList([
        '\t/lib/ld-musl-x86_64.so.1 (0x7f)',
        'Error loading shared library libpq.so.5: No such file or directory (needed by /app/server)',
        '\tlibc.musl-x86_64.so.1 => /lib/ld-musl-x86_64.so.1 (0x7f)',
        'Error relocating /app/server: PQexec: symbol not found',
      ]),
    ).toEqual({
      libraries: [
        {
          name: '/lib/ld-musl-x86_64.so.1',
          path: '/lib/ld-musl-x86_64.so.1',
          package: null,
          libc: true,
        },
        {
          name: 'libc.musl-x86_64.so.1',
          path: '/lib/ld-musl-x86_64.so.1',
          package: null,
          libc: true,
        },
      ],
      missing: ['libpq.so.5'],
    });
  });

  test('libstdc++ and libgcc_s are not the C library; a library path with a space is kept whole', () => {
    const { libraries } = parseLoaderList([
      '\tlibstdc++.so.6 => /usr/lib/x86_64-linux-gnu/libstdc++.so.6 (0x1)',
      '\tlibgcc_s.so.1 => /opt/my libs/libgcc_s.so.1 (0x2)',
      '\tlibpthread.so.0 => /lib/x86_64-linux-gnu/libpthread.so.0 (0x3)',
    ]);
    expect(libraries.map((l) => [l.path, l.libc])).toEqual([
      ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6', false],
      ['/opt/my libs/libgcc_s.so.1', false],
      ['/lib/x86_64-linux-gnu/libpthread.so.0', true],
    ]);
  });

  test.each([
    ['1.8.0_392', 8],
    ['11.0.21', 11],
    ['17.0.9', 17],
    ['21', 21],
    ['22-ea', 22],
    ['unknown', null],
  ])('java version %s is major %s', (version, major) => {
    expect(majorOf(version)).toBe(major);
  });
});
