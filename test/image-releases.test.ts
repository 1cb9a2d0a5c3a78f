/**
 * The image-release table (src/data/image-releases.json) as releaseOfImage answers it, checked tag
 * by tag against the stored sources it was read from, and the refresh script's parsing of
 * official-images library files.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debianReleaseOfImage, releaseOfImage } from '../src/data/image-releases.js';
import table from '../src/data/image-releases.json' with { type: 'json' };

const refresh = await import(new URL('../scripts/image-releases/refresh.js', import.meta.url).href);

/** os, release, moving, provenance of a reference; null when unknown. */
const of = (ref: string) => {
  const r = releaseOfImage(ref);
  return r && [r.os, r.release, r.moving, r.provenance];
};

describe('golang', () => {
  test('a minor tag is its last patch: 1.19 ended on bookworm, its early patches on bullseye', () => {
    expect(of('golang:1.19')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('golang:1.19.10')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('golang:1.19.2')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('golang:1.20.4')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('golang:1.20.5')).toEqual(['debian', 'bookworm', false, 'read']);
  });

  test('older lines, and 1.23 whose last patch was rebuilt on trixie', () => {
    expect(of('golang:1.15')).toEqual(['debian', 'buster', false, 'inferred']);
    expect(of('golang:1.7')).toEqual(['debian', 'jessie', false, 'read']);
    expect(of('golang:1.12.5')).toEqual(['debian', 'stretch', false, 'read']);
    expect(of('golang:1.23.11')).toEqual(['debian', 'bookworm', false, 'inferred']);
    expect(of('golang:1.23')).toEqual(['debian', 'trixie', false, 'read']);
  });

  test('maintained lines and aliases move; a superseded patch does not', () => {
    expect(of('golang:1.25')).toEqual(['debian', 'trixie', true, 'read']);
    expect(of('golang:1.24.9')).toEqual(['debian', 'trixie', true, 'read']);
    expect(of('golang:1.24.6')).toEqual(['debian', 'trixie', false, 'read']);
    expect(of('golang:1')).toEqual(['debian', 'trixie', true, 'read']);
    expect(of('golang')).toEqual(['debian', 'trixie', true, 'read']);
  });

  test('suffixes name the OS', () => {
    expect(of('golang:1.22-alpine')).toEqual(['alpine', null, false, 'read']);
    expect(of('golang:1.25-alpine')).toEqual(['alpine', null, true, 'read']);
    expect(of('golang:1.21-alpine3.18')).toEqual(['alpine', '3.18', false, 'read']);
    expect(of('golang:1.19-bullseye')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(releaseOfImage('golang:1.25-windowsservercore-ltsc2022')).toMatchObject({
      os: 'windows',
      release: 'ltsc2022',
    });
    expect(of('golang:1.20-nanoserver')).toEqual(['windows', null, false, 'read']);
  });
});

describe('node', () => {
  test('node keeps a line on its Debian: 16 on buster, 18 and 20 moved to bookworm in 2023-06', () => {
    expect(of('node:16')).toEqual(['debian', 'buster', false, 'read']);
    expect(of('node:18')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('node:18-slim')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('node:18.15.0')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('node:14')).toEqual(['debian', 'buster', false, 'read']);
    expect(of('node:14.18')).toEqual(['debian', 'stretch', false, 'read']);
    expect(of('node:8.11.4')).toEqual(['debian', 'jessie', false, 'read']);
  });

  test('maintained lines, codenames and lts', () => {
    expect(of('node:22')).toEqual(['debian', 'bookworm', true, 'read']);
    expect(of('node:jod-slim')).toEqual(['debian', 'bookworm', true, 'read']);
    expect(of('node:hydrogen')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('node:lts-alpine')).toEqual(['alpine', null, true, 'read']);
    expect(of('node:20-bullseye')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('node:22-trixie-slim')).toEqual(['debian', 'trixie', false, 'read']);
  });
});

describe('python', () => {
  test('maintained lines are on trixie and move; ended lines keep their last release', () => {
    expect(of('python:3.11')).toEqual(['debian', 'trixie', true, 'read']);
    expect(of('python:3.11.4')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('python:3.11.3-slim')).toEqual(['debian', 'bullseye', false, 'inferred']);
    expect(of('python:3.8-slim')).toEqual(['debian', 'bookworm', false, 'inferred']);
    expect(of('python:3.9')).toEqual(['debian', 'trixie', false, 'read']);
    expect(of('python:3.6')).toEqual(['debian', 'bullseye', false, 'inferred']);
    expect(of('python:2.7')).toEqual(['debian', 'buster', false, 'inferred']);
    expect(of('python:slim')).toEqual(['debian', 'trixie', true, 'read']);
    expect(of('python:3.12-slim-bookworm')).toEqual(['debian', 'bookworm', false, 'read']);
  });
});

describe('rust', () => {
  test('one tag per release, each frozen on the default of its six weeks', () => {
    expect(of('rust:1.70')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('rust:1.71')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('rust:1.84.0-slim')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('rust:1.32')).toEqual(['debian', 'stretch', false, 'read']);
    expect(of('rust:1-slim')).toEqual(['debian', 'trixie', true, 'read']);
    expect(of('rust:latest')).toEqual(['debian', 'trixie', true, 'read']);
  });
});

describe('openjdk, maven, gradle', () => {
  test('openjdk: 17 on Oracle Linux, its slim on Debian; 8 and 11 on bullseye', () => {
    expect(of('openjdk:17')).toEqual(['oraclelinux', '8', false, 'read']);
    expect(of('openjdk:17-jdk')).toEqual(['oraclelinux', '8', false, 'read']);
    expect(of('openjdk:17-slim')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('openjdk:17-jdk-slim')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('openjdk:11')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('openjdk:8-jre')).toEqual(['debian', 'bullseye', false, 'read']);
    expect(of('openjdk:8u282-jre-slim')).toEqual(['debian', 'buster', false, 'read']);
    expect(of('openjdk:21-slim')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('openjdk:12')).toEqual(['oraclelinux', '7', false, 'read']);
    expect(of('openjdk:11-jdk-oraclelinux7')).toEqual(['oraclelinux', '7', false, 'read']);
  });

  test('maven follows the JDK image it is built on', () => {
    expect(of('maven:3.8-openjdk-17')).toEqual(['oraclelinux', '8', false, 'read']);
    expect(of('maven:3.8-openjdk-17-slim')).toEqual(['debian', 'bullseye', false, 'inferred']);
    expect(of('maven:3.8.6-openjdk-11')).toEqual(['debian', 'bullseye', false, 'inferred']);
    expect(of('maven:3.8-eclipse-temurin-17')).toEqual(['ubuntu', 'jammy', false, 'inferred']);
    expect(of('maven:3-eclipse-temurin-17')).toEqual(['ubuntu', null, true, 'read']);
    expect(of('maven:3.9.2-eclipse-temurin-17')).toEqual(['ubuntu', null, false, 'read']);
    expect(of('maven:3-eclipse-temurin-17-focal')).toEqual(['ubuntu', 'focal', false, 'read']);
    expect(of('maven:3-amazoncorretto-17')).toEqual(['amazonlinux', '2', false, 'inferred']);
    expect(of('maven:3-amazoncorretto-17-al2023')).toEqual(['amazonlinux', '2023', false, 'read']);
    expect(of('maven:3.9-amazoncorretto-17-debian-bookworm')).toEqual([
      'debian',
      'bookworm',
      false,
      'read',
    ]);
    expect(of('maven:3.9-eclipse-temurin-21-alpine')).toEqual(['alpine', null, false, 'read']);
  });

  test('gradle: Ubuntu through eclipse-temurin; the last 7.x push is not dated', () => {
    expect(of('gradle:7-jdk17')).toEqual(['ubuntu', null, false, 'read']);
    expect(of('gradle:7-jdk17-jammy')).toEqual(['ubuntu', 'jammy', false, 'read']);
    expect(of('gradle:8.12.1-jdk11')).toEqual(['ubuntu', 'jammy', false, 'read']);
    expect(of('gradle:8.12.1-jdk17')).toEqual(['ubuntu', 'noble', false, 'read']);
    expect(of('gradle:jdk21')).toEqual(['ubuntu', 'noble', true, 'read']);
    expect(of('gradle:8-jdk17-corretto')).toEqual(['amazonlinux', '2023', false, 'read']);
  });
});

describe('the distributions and the reference forms', () => {
  test('debian, ubuntu and alpine tags, numbers and aliases', () => {
    expect(of('debian:12')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('debian:12.5-slim')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('debian:bookworm-20240110-slim')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('debian:stable-slim')).toEqual(['debian', 'trixie', true, 'inferred']);
    expect(of('debian:sid')).toEqual(['debian', 'sid', false, 'read']);
    expect(of('ubuntu:22.04')).toEqual(['ubuntu', 'jammy', false, 'read']);
    expect(of('ubuntu:noble-20240801')).toEqual(['ubuntu', 'noble', false, 'read']);
    expect(of('alpine:3.18.4')).toEqual(['alpine', '3.18', false, 'read']);
    expect(of('alpine')).toEqual(['alpine', null, true, 'read']);
  });

  test('registry and library/ prefixes, digests', () => {
    expect(of('docker.io/library/golang:1.19')).toEqual(['debian', 'bookworm', false, 'read']);
    expect(of('library/debian:11')).toEqual(['debian', 'bullseye', false, 'read']);
    const pinned = releaseOfImage('golang:1.19@sha256:' + 'a'.repeat(64));
    expect(pinned).toMatchObject({ release: 'bookworm', digestMayBeOlder: true });
    expect(releaseOfImage('golang:1.19')!.digestMayBeOlder).toBe(false);
    // A tag that names its release pins it, digest or not.
    expect(releaseOfImage('golang:1.19-bullseye@sha256:' + 'b'.repeat(64))!.digestMayBeOlder).toBe(
      false,
    );
    expect(debianReleaseOfImage('python:3.11-slim')).toBe('trixie');
    expect(debianReleaseOfImage('openjdk:17')).toBeNull();
  });

  test('unknown tags, images and registries give null, never a guess', () => {
    for (const ref of [
      'golang:1.4',
      'golang:1.11.11',
      'golang:1.19rc1',
      'golang:1.26',
      'python:3.14.0a1',
      'python:3.15-rc',
      'python:3.13.6',
      'rust:1.71.0',
      'rust:1.54',
      'node:13',
      'node:14.20.0',
      'openjdk:16-slim',
      'openjdk:17-ea-13-jdk',
      'gradle:7.6-jdk17',
      'redis:7',
      'quay.io/golang:1.19',
      'golang:${GO_VERSION}',
      'debian:bookworm-weird',
      'ubuntu:devel',
    ])
      expect([ref, releaseOfImage(ref)]).toEqual([ref, null]);
  });
});

describe('the table', () => {
  type Rule = {
    from?: string;
    to?: string;
    variants?: string[];
    provenance: string;
    sources?: string[];
  };
  const images = table.images as unknown as Record<string, { rules: Rule[] }>;

  test('every rule says read or inferred and cites sources that exist', () => {
    for (const [name, image] of Object.entries(images))
      for (const rule of image.rules) {
        expect([name, ['read', 'inferred'].includes(rule.provenance)]).toEqual([name, true]);
        for (const id of rule.sources ?? [])
          expect([name, id, id in table.sources]).toEqual([name, id, true]);
        if (rule.provenance === 'read')
          expect([name, rule.sources?.length ?? 0]).not.toEqual([name, 0]);
      }
  });

  test('version rules run forward and never overlap within a variant', () => {
    const v = (s: string): number[] => refresh.parseVersion(s);
    const le = (a: number[], padA: number, b: number[], padB: number) => {
      for (let i = 0; i < Math.max(a.length, b.length); i++)
        if ((a[i] ?? padA) !== (b[i] ?? padB)) return (a[i] ?? padA) < (b[i] ?? padB);
      return true;
    };
    for (const [name, image] of Object.entries(images)) {
      const rules = image.rules.filter((r) => r.from !== undefined);
      for (const r of rules)
        expect([name, r.from, le(v(r.from!), 0, v(r.to!), Infinity)]).toEqual([name, r.from, true]);
      for (const a of rules)
        for (const b of rules) {
          if (a === b) continue;
          const shared = (a.variants ?? ['', 'slim']).some((x) =>
            (b.variants ?? ['', 'slim']).includes(x),
          );
          const overlap =
            le(v(a.from!), 0, v(b.to!), Infinity) && le(v(b.from!), 0, v(a.to!), Infinity);
          expect([name, a.from, b.from, shared && overlap]).toEqual([name, a.from, b.from, false]);
        }
    }
  });

  test('the built module loads the same table', async () => {
    const built = await import(new URL('../dist/src/data/image-releases.js', import.meta.url).href);
    expect(built.releaseOfImage('golang:1.19').release).toBe('bookworm');
  });
});

describe('refresh.js', () => {
  const os = table.os;
  const FILE_2023_05 = `# this file is generated via https://github.com/docker-library/golang/blob/x/generate-stackbrew-library.sh

Maintainers: Tianon Gravi <admwiggin@gmail.com> (@tianon),
             Joseph Ferguson <yosifkit@gmail.com> (@yosifkit)
GitRepo: https://github.com/docker-library/golang.git
Architectures: amd64

Tags: 1.20.4-bullseye, 1.20-bullseye, 1-bullseye, bullseye
SharedTags: 1.20.4, 1.20, 1, latest
GitCommit: e8e87a35e7de2343770e13ec1b6c62cafb95728d
Directory: 1.20/bullseye

Tags: 1.20.4-windowsservercore-ltsc2022
SharedTags: 1.20.4, 1.20, 1, latest
Architectures: windows-amd64
Directory: 1.20/windows/windowsservercore-ltsc2022

Tags: 1.19.9-bullseye, 1.19-bullseye
SharedTags: 1.19.9, 1.19
Directory: 1.19/bullseye
`;
  const FILE_2023_06 = `Maintainers: Tianon Gravi <admwiggin@gmail.com> (@tianon)
GitRepo: https://github.com/docker-library/golang.git

Tags: 1.20.5-windowsservercore-ltsc2022
SharedTags: 1.20.5, 1.20, 1, latest
Directory: 1.20/windows/windowsservercore-ltsc2022

Tags: 1.20.5-bookworm, 1.20-bookworm
SharedTags: 1.20.5, 1.20, 1, latest
Directory: 1.20/bookworm

Tags: 1.19.10-bookworm, 1.19-bookworm
SharedTags: 1.19.10, 1.19
Directory: 1.19/bookworm
`;

  test('parses paragraphs, continuation lines and the defaults paragraph', () => {
    const file = refresh.parseLibraryFile(FILE_2023_05);
    expect(file.defaults.Maintainers).toBe(
      'Tianon Gravi <admwiggin@gmail.com> (@tianon), Joseph Ferguson <yosifkit@gmail.com> (@yosifkit)',
    );
    expect(file.entries).toEqual([
      {
        tags: ['1.20.4-bullseye', '1.20-bullseye', '1-bullseye', 'bullseye'],
        sharedTags: ['1.20.4', '1.20', '1', 'latest'],
        directory: '1.20/bullseye',
        architectures: ['amd64'],
      },
      {
        tags: ['1.20.4-windowsservercore-ltsc2022'],
        sharedTags: ['1.20.4', '1.20', '1', 'latest'],
        directory: '1.20/windows/windowsservercore-ltsc2022',
        architectures: ['windows-amd64'],
      },
      {
        tags: ['1.19.9-bullseye', '1.19-bullseye'],
        sharedTags: ['1.19.9', '1.19'],
        directory: '1.19/bullseye',
        architectures: ['amd64'],
      },
    ]);
  });

  test('parses the one-line-per-tag format used until 2016', () => {
    const file = refresh.parseLibraryFile(
      '# maintainer: InfoSiftr <github@infosiftr.com> (@infosiftr)\n\n' +
        '1.6.2: git://github.com/docker-library/golang@0ce80411b9f41e9c3a21fc0a1bffba6ae761825a 1.6\n' +
        '1.6: git://github.com/docker-library/golang@0ce80411b9f41e9c3a21fc0a1bffba6ae761825a 1.6\n' +
        '1.6-wheezy: git://github.com/docker-library/golang@0ce80411b9f41e9c3a21fc0a1bffba6ae761825a 1.6/wheezy\n',
    );
    expect(
      file.entries.map((e: { tags: string[]; directory: string }) => [e.tags, e.directory]),
    ).toEqual([
      [['1.6.2', '1.6'], '1.6'],
      [['1.6-wheezy'], '1.6/wheezy'],
    ]);
    expect(refresh.entryOs(file.entries[0], os)).toBeNull();
    expect(refresh.entryOs(file.entries[1], os)).toEqual({ os: 'debian', release: 'wheezy' });
  });

  test('an entry OS comes from its tags, then its directory', () => {
    const entry = (tags: string[], directory: string) => ({
      tags,
      sharedTags: [],
      directory,
      architectures: [],
    });
    expect(refresh.entryOs(entry(['11.0.4-jdk-stretch'], '11/jdk'), os)).toEqual({
      os: 'debian',
      release: 'stretch',
    });
    expect(refresh.entryOs(entry(['17-jdk-oracle'], '17/jdk/oraclelinux8'), os)).toEqual({
      os: 'oraclelinux',
      release: '8',
    });
    expect(refresh.entryOs(entry(['1.84.0-slim'], 'stable/bookworm/slim'), os)).toEqual({
      os: 'debian',
      release: 'bookworm',
    });
  });

  const history = [
    { sha: 'a'.repeat(40), date: '2023-05-02', text: FILE_2023_05 },
    { sha: 'b'.repeat(40), date: '2023-06-13', text: FILE_2023_06 },
  ];

  test('a tag keeps the OS of the last Linux entry that carried it', () => {
    const { states, latest } = refresh.tagStates(history, os);
    expect(states.get('1.20.4')).toMatchObject({
      os: 'debian',
      release: 'bullseye',
      date: '2023-05-02',
    });
    // Listed first under the Windows entry, 1.20.5 is still the bookworm image's tag.
    expect(states.get('1.20.5')).toMatchObject({ os: 'debian', release: 'bookworm' });
    expect(states.get('1.19')).toMatchObject({ release: 'bookworm', date: '2023-06-13' });
    expect(latest.has('1.19.9')).toBe(false);
  });

  test('rules merge consecutive tags on one release, minor tags after their patches', () => {
    const { states, latest } = refresh.tagStates(history, os);
    const rules = refresh.deriveRules(states, os, 2);
    expect(
      rules.map((r: { from: string; to: string; release: string }) => [r.from, r.to, r.release]),
    ).toEqual([
      ['1.19.9', '1.19.9', 'bullseye'],
      ['1.19.10', '1.19', 'bookworm'],
      ['1.20.4', '1.20.4', 'bullseye'],
      ['1.20.5', '1.20', 'bookworm'],
    ]);
    expect(rules[1]).toMatchObject({
      variants: [''],
      provenance: 'read',
      sources: ['official-images@bbbbbbbb 2023-06-13'],
    });
    expect(refresh.maintainedLines(latest, 2)).toEqual({ '1.19': '1.19.10', '1.20': '1.20.5' });
  });

  test('merging keeps the inferred rules no read rule overlaps', () => {
    const entry = {
      asOf: '2020-01',
      rules: [
        { from: '1.15', to: '1.15', release: 'buster', provenance: 'inferred' },
        { from: '1.8', to: '1.8.2', release: 'jessie', provenance: 'inferred' },
        { from: '1.19', to: '1.19.9', release: 'bullseye', provenance: 'inferred' },
        { from: '1.12', to: '1.12.5', release: 'stretch', provenance: 'read', sources: ['x'] },
      ],
    };
    const merged = refresh.mergeRules(entry, {
      asOf: '2023-06',
      maintained: { '1.20': '1.20.5' },
      rules: [
        { from: '1.19.9', to: '1.19.9', release: 'bullseye', variants: [''], provenance: 'read' },
        { from: '1.8.3', to: '1.10', release: 'stretch', variants: [''], provenance: 'read' },
      ],
    });
    // The read 1.19.9 rule replaces the inferred 1.19..1.19.9 one; rules sort by their first version.
    expect(merged.rules.map((r: { from: string }) => r.from)).toEqual([
      '1.8',
      '1.8.3',
      '1.15',
      '1.19.9',
    ]);
    expect(merged).toMatchObject({ asOf: '2023-06', maintained: { '1.20': '1.20.5' } });
  });

  test('walks the git history of a clone', () => {
    const clone = mkdtempSync(join(tmpdir(), 'official-images-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-C', clone, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
          env: { ...process.env, GIT_COMMITTER_DATE: '2023-06-13T00:00:00Z' },
        });
      git('init', '-q');
      mkdirSync(join(clone, 'library'));
      for (const { text } of history) {
        writeFileSync(join(clone, 'library/golang'), text);
        git('add', '-A');
        git('commit', '-qm', 'update');
      }
      const refreshed = refresh.refreshImage(clone, 'golang', os, 2);
      expect(refreshed.versions).toBe(2);
      expect(refreshed.asOf).toBe('2023-06');
      expect(refreshed.rules).toHaveLength(4);
      expect(refreshed.maintained).toEqual({ '1.19': '1.19.10', '1.20': '1.20.5' });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
