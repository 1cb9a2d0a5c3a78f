import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  headersLostWithoutRecommends,
  knownReleases,
  lostWithoutRecommends,
  programsLostWithoutRecommends,
} from '../src/data/recommends.js';
import {
  archiveCandidates,
  parseDeb822Sources,
  parseOneLineSources,
  readAptSources,
} from '../scripts/recommends/apt-sources.js';
import {
  createArchive,
  lostWithoutRecommends as computeLoss,
  resolveGroup,
} from '../scripts/recommends/closure.js';
import {
  addAlternativeStems,
  parseContentsLine,
  parseRelations,
  parseRelease,
  parseStanzas,
} from '../scripts/recommends/indexes.js';
import { selectRoots } from '../scripts/recommends/select.js';

describe('the shipped table (bookworm)', () => {
  it('covers the Debian releases common bases use', () => {
    const debian = knownReleases().filter((r) => r.distribution === 'debian');
    expect(debian.map((r) => r.codename)).toEqual(['bullseye', 'bookworm', 'trixie']);
    expect(debian.find((r) => r.codename === 'bookworm')?.version).toMatch(/^12\./);
  });

  it('cmake: make and gcc come only from its recommends', () => {
    const programs = programsLostWithoutRecommends('cmake', 'bookworm');
    expect(programs.get('make')).toBe('make');
    expect(programs.get('gcc')).toBe('gcc');
  });

  it('autoconf: automake (which autoreconf runs) comes only from its recommends', () => {
    const programs = programsLostWithoutRecommends('autoconf', 'bookworm');
    expect(programs.get('automake')).toBe('automake');
    expect(programs.get('aclocal')).toBe('automake');
  });

  it('git: ssh comes from the ssh-client it recommends, resolved to openssh-client', () => {
    const programs = programsLostWithoutRecommends('git', 'bookworm');
    expect(programs.get('ssh')).toBe('openssh-client');
    expect(programs.get('scp')).toBe('openssh-client');
    expect(programs.get('less')).toBe('less');
  });

  it('python3-pip: a compiler through build-essential, headers through python3-dev', () => {
    const loss = lostWithoutRecommends('python3-pip', 'bookworm');
    expect(loss.programs.get('gcc')).toBe('build-essential');
    expect(loss.programs.get('g++')).toBe('build-essential');
    expect(loss.programs.get('make')).toBe('build-essential');
    expect(headersLostWithoutRecommends('python3-pip', 'bookworm')).toContain('python3-dev');
  });

  it('never reports what the package’s own Depends already bring', () => {
    // devscripts recommends patch and xz-utils, and depends on them through dpkg-dev.
    const programs = programsLostWithoutRecommends('devscripts', 'bookworm');
    expect(programs.size).toBeGreaterThan(0);
    for (const program of ['patch', 'xz', 'unxz']) expect(programs.has(program)).toBe(false);
  });

  it('says when a package also recommends packages the table leaves out', () => {
    // npm recommends git and node-tap; a handful of packages recommend node-tap.
    const loss = lostWithoutRecommends('npm', 'bookworm');
    expect(loss.programs.get('git')).toBe('git');
    expect(loss.partial).toBe(true);
    expect(lostWithoutRecommends('git', 'bookworm').partial).toBe(false);
  });

  it('answers nothing for a package without recommends, or one it does not know', () => {
    expect(lostWithoutRecommends('make', 'bookworm').programs.size).toBe(0);
    expect(lostWithoutRecommends('no-such-package', 'bookworm')).toEqual({
      programs: new Map(),
      headers: [],
      partial: false,
    });
  });

  it('with the release unknown, answers the union over releases', () => {
    const union = programsLostWithoutRecommends('python3-pip', null);
    let largest = 0;
    for (const { codename } of knownReleases()) {
      const one = programsLostWithoutRecommends('python3-pip', codename);
      for (const program of one.keys()) expect(union.has(program)).toBe(true);
      largest = Math.max(largest, one.size);
    }
    expect(union.size).toBeGreaterThan(largest);
    expect(union.get('make')).toBe('build-essential');
  });
});

describe('Packages parsing', () => {
  it('reads relations: alternatives, versions, arch qualifiers, source-only syntax', () => {
    expect(
      parseRelations('python3:any (>= 3.11~), automake | automaken, libc6-dev [amd64] <!nocheck>'),
    ).toEqual([
      [{ name: 'python3', arch: 'any', version: { op: '>=', value: '3.11~' } }],
      [
        { name: 'automake', arch: null, version: null },
        { name: 'automaken', arch: null, version: null },
      ],
      [{ name: 'libc6-dev', arch: null, version: null }],
    ]);
    expect(parseRelations('git-man (>> 1:2.39.5), git-man (<< 1:2.39.5-.)')[1][0].version).toEqual({
      op: '<<',
      value: '1:2.39.5-.',
    });
    expect(parseRelations(undefined)).toEqual([]);
  });

  it('reads stanzas, folding continuation lines and dropping fields it does not use', () => {
    const stanzas = parseStanzas(
      'Package: a\nDepends: b,\n c\nDescription: x\n more text: with a colon\n\n\nPackage: b\n',
    );
    expect(stanzas).toEqual([{ Package: 'a', Depends: 'b, c' }, { Package: 'b' }]);
  });

  it('reads Contents lines in program directories only', () => {
    expect(parseContentsLine('usr/bin/make            devel/make,devel/make-guile')).toEqual({
      program: 'make',
      packages: ['make', 'make-guile'],
    });
    expect(parseContentsLine('usr/bin/odd name   universe/devel/foo')).toEqual({
      program: 'odd name',
      packages: ['foo'],
    });
    expect(parseContentsLine('sbin/ldconfig  libs/libc-bin')).toEqual({
      program: 'ldconfig',
      packages: ['libc-bin'],
    });
    expect(parseContentsLine('usr/share/doc/make/README  devel/make')).toBeNull();
    expect(parseContentsLine('usr/include/python3.11/Python.h  python/libpython3.11-dev')).toEqual({
      header: true,
      packages: ['libpython3.11-dev'],
    });
    expect(parseContentsLine('usr/bin/X11/xterm  x11/xterm')).toBeNull();
    expect(parseContentsLine('FILE                LOCATION')).toBeNull();
  });

  it('adds the update-alternatives names that no package ships as a file', () => {
    const programs = new Map([
      ['automake', ['automake-1.16', 'aclocal-1.16']],
      ['gcc-12', ['gcc-12', 'x86_64-linux-gnu-gcc-12']],
      ['gcc', ['gcc', 'x86_64-linux-gnu-gcc']],
      ['lua', ['lua5.4']],
    ]);
    addAlternativeStems(programs);
    expect(programs.get('automake')).toEqual([
      'automake-1.16',
      'aclocal-1.16',
      'automake',
      'aclocal',
    ]);
    expect(programs.get('gcc-12')).toEqual(['gcc-12', 'x86_64-linux-gnu-gcc-12']); // gcc is shipped
    expect(programs.get('lua')).toEqual(['lua5.4']); // no -<version>: left alone
  });

  it('reads a Release file’s fields and SHA256 list', () => {
    const release = parseRelease(
      'Origin: Debian\nLabel: Debian\nMD5Sum:\n 00 12 main/x\nSHA256:\n ab 120 main/binary-amd64/Packages.gz\n',
    );
    expect(release.fields).toEqual({ Origin: 'Debian', Label: 'Debian' });
    expect([...release.files]).toEqual([
      ['main/binary-amd64/Packages.gz', { sha256: 'ab', size: 120 }],
    ]);
  });
});

/** A tiny archive: a base, a tool with Depends, Pre-Depends and Recommends of each kind. */
function tinyArchive() {
  const stanzas = parseStanzas(
    [
      'Package: libc6\nPriority: required\n',
      'Package: mawk\nPriority: required\nProvides: awk\n',
      'Package: apt\nPriority: important\nDepends: libc6\n',
      'Package: tool\nPre-Depends: helper\nDepends: libc6, awk, missing | lib-real:any (>= 2)\n' +
        'Recommends: ssh-client, meta, tool-dev, gawk | awk, absent, lib-real, native:i386, ' +
        'dpkg-dev\n',
      'Package: helper\nDepends: shared\n',
      'Package: lib-real\n',
      'Package: shared\n',
      'Package: openssh-client\nPriority: standard\nProvides: ssh-client (= 1:9.2)\nDepends: shared\n',
      'Package: dropbear-client\nProvides: ssh-client\n',
      'Package: meta\nDepends: compiler, maker\n',
      'Package: compiler\nDepends: assembler\n',
      'Package: assembler\n',
      'Package: maker\n',
      'Package: tool-dev\nDepends: tool\n',
      'Package: gawk\n',
      'Package: native\n',
      'Package: dpkg-dev\nDepends: maker\n',
    ].join('\n'),
  );
  const programs = new Map([
    ['libc6', ['ldd']],
    ['mawk', ['awk', 'mawk']],
    ['apt', ['apt-get']],
    ['tool', ['tool']],
    ['helper', ['helper', 'ssh-add']],
    ['shared', ['shared']],
    ['openssh-client', ['ssh', 'ssh-add', 'shared']],
    ['dropbear-client', ['dbclient']],
    ['compiler', ['cc1']],
    ['assembler', ['as']],
    ['maker', ['make']],
    ['gawk', ['awk', 'gawk']],
    ['native', ['native']],
  ]);
  // maker ships a header (as make ships gnumake.h) but is no -dev package.
  return createArchive(stanzas, programs, new Set(['tool-dev', 'maker']));
}

describe('closure', () => {
  it('takes the base from Priority required and Essential packages, and apt', () => {
    expect([...tinyArchive().base].sort()).toEqual(['apt', 'libc6', 'mawk']);
  });

  it('resolves a group as apt does', () => {
    const archive = tinyArchive();
    const group = (text: string) => parseRelations(text)[0];
    expect(resolveGroup(archive, group('missing | lib-real'))).toBe('lib-real');
    // A virtual name: the provider with the best Priority (dropbear-client sorts first by name).
    expect(resolveGroup(archive, group('ssh-client'))).toBe('openssh-client');
    expect(resolveGroup(archive, group('gawk | awk'))).toBeNull(); // awk: mawk is in the base
    expect(resolveGroup(archive, group('native:i386'))).toBeNull(); // another architecture
    expect(resolveGroup(archive, group('native:any'))).toBe('native');
    expect(resolveGroup(archive, group('absent'))).toBeNull();
  });

  it('lists what only the recommends bring, per recommended package', () => {
    const loss = computeLoss(tinyArchive(), 'tool');
    expect(loss?.roots).toEqual([
      // ssh-client is virtual: its provider is named. ssh-add and shared come with helper, a
      // Pre-Depends, so only ssh is lost.
      { name: 'openssh-client', programs: ['ssh'], dev: false },
      // A metapackage brings the programs of what it depends on, not those further down.
      { name: 'meta', programs: ['cc1', 'make'], dev: false },
      // A package that brings C headers is kept though it brings no program.
      { name: 'tool-dev', programs: [], dev: true },
      // Named -dev but brings no headers, and make came with meta already: nothing to say.
    ]);
    // lib-real is a Depends already; gawk | awk is satisfied by the base; native:i386 is foreign.
    expect(computeLoss(tinyArchive(), 'nothing-such')).toBeNull();
  });

  it('takes a virtual package as satisfied by any installed provider', () => {
    const archive = tinyArchive();
    const installed = new Set([...archive.base, 'dropbear-client']);
    expect(resolveGroup(archive, parseRelations('ssh-client')[0], installed)).toBeNull();
  });

  it('keeps the recommended packages enough packages recommend in some release', () => {
    const root = (name: string) => ({ name, programs: [name], dev: false });
    const selected = selectRoots(
      new Map([
        [
          'old',
          new Map([
            ['a', [root('make'), root('rare')]],
            ['b', [root('make')]],
          ]),
        ],
        // make has one recommender here, but two in `old`: it stays listed.
        [
          'new',
          new Map([
            ['a', [root('make')]],
            ['c', [root('rare2')]],
          ]),
        ],
      ]),
      2,
    );
    expect([...selected.get('old')!]).toEqual([
      ['a', { roots: [root('make')], partial: true }],
      ['b', { roots: [root('make')], partial: false }],
    ]);
    expect([...selected.get('new')!]).toEqual([['a', { roots: [root('make')], partial: false }]]);
  });
});

describe('apt sources', () => {
  it('reads the one-line format with options and comments', () => {
    expect(
      parseOneLineSources(
        '# comment\ndeb [arch=amd64 signed-by=/k.gpg] http://m.example/debian bookworm main contrib\n' +
          'deb-src http://m.example/debian bookworm main # trailing\n',
      ),
    ).toEqual([
      {
        type: 'deb',
        uri: 'http://m.example/debian',
        suite: 'bookworm',
        components: ['main', 'contrib'],
      },
      { type: 'deb-src', uri: 'http://m.example/debian', suite: 'bookworm', components: ['main'] },
    ]);
  });

  it('reads deb822 stanzas, skipping comments and disabled ones', () => {
    const entries = parseDeb822Sources(
      'Types: deb\n# a comment inside\nURIs: http://m.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\n\n' +
        'Enabled: no\nTypes: deb\nURIs: http://off.example/debian\nSuites: bookworm\n',
    );
    expect(entries.map((e) => `${e.uri} ${e.suite}`)).toEqual([
      'http://m.example/debian bookworm',
      'http://m.example/debian bookworm-updates',
    ]);
  });

  it('offers main archives only: bare codenames over http(s), binary entries', () => {
    expect(
      archiveCandidates([
        {
          type: 'deb',
          uri: 'http://m.example/debian-security',
          suite: 'bookworm-security',
          components: [],
        },
        { type: 'deb', uri: 'http://m.example/debian/', suite: 'bookworm', components: [] },
        { type: 'deb', uri: 'http://m.example/debian', suite: 'trixie', components: [] },
        { type: 'deb-src', uri: 'http://src.example/debian', suite: 'bookworm', components: [] },
        { type: 'deb', uri: 'file:/srv/mirror', suite: 'bookworm', components: [] },
      ]),
    ).toEqual([{ uri: 'http://m.example/debian', suite: 'bookworm' }]);
  });

  it('reads sources.list and sources.list.d, .list and .sources files only', () => {
    const etc = mkdtempSync(join(tmpdir(), 'apt-'));
    mkdirSync(join(etc, 'sources.list.d'));
    writeFileSync(join(etc, 'sources.list'), 'deb http://a.example/debian bookworm main\n');
    writeFileSync(
      join(etc, 'sources.list.d', 'b.list'),
      'deb http://b.example/debian bookworm main\n',
    );
    writeFileSync(
      join(etc, 'sources.list.d', 'c.sources'),
      'Types: deb\nURIs: http://c.example/ubuntu\nSuites: noble\nComponents: main\n',
    );
    writeFileSync(join(etc, 'sources.list.d', 'd.list.disabled'), 'deb http://d.example/x y z\n');
    expect(readAptSources(etc).map((e) => e.uri)).toEqual([
      'http://a.example/debian',
      'http://b.example/debian',
      'http://c.example/ubuntu',
    ]);
    expect(readAptSources(join(etc, 'missing'))).toEqual([]);
  });
});
