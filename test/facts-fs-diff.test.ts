/**
 * The file diff between the stage before its build steps and after them, from listings in both
 * formats the probe writes (GNU find -printf, and find -exec stat for busybox), as `make install`
 * would leave them.
 */
import { diffListings, isNoise, parseListing } from '../src/facts/fs-diff.js';

// The same image twice, in each format: base files, then what `make install` and a chmod did.
const BEFORE_PRINTF = [
  'F d 755 0 0 4096 1700000000.0000000000 .',
  'F d 755 0 0 4096 1700000000.1000000000 ./usr/local/bin',
  'F d 755 0 0 4096 1700000000.1000000000 ./usr/local/share',
  'F f 755 0 0 1000 1700000000.2000000000 ./usr/bin/make',
  'F f 644 0 0 10 1700000000.2000000000 ./etc/app.conf',
  'F f 644 0 0 10 1700000000.2000000000 ./etc/old.conf',
  'F l 777 0 0 4 1700000000.2000000000 ./usr/bin/cc',
  '-> gcc',
  'F d 755 0 0 4096 1700000000.3000000000 ./src',
  'F f 644 0 0 50 1700000000.3000000000 ./src/main.c',
  'F f 644 0 0 9 1700000000.3000000000 ./var/lib/dpkg/status',
];
const AFTER_PRINTF = [
  'F d 755 0 0 4096 1700000100.0000000000 .',
  'F d 755 0 0 4096 1700000100.1000000000 ./usr/local/bin',
  'F d 755 0 0 4096 1700000100.1000000000 ./usr/local/share',
  'F f 755 0 0 1000 1700000000.2000000000 ./usr/bin/make',
  'F f 644 0 0 12 1700000100.2000000000 ./etc/app.conf',
  'F l 777 0 0 5 1700000100.2000000000 ./usr/bin/cc',
  '-> g++',
  'F d 700 1000 1000 4096 1700000100.3000000000 ./src',
  'F f 644 0 0 50 1700000000.3000000000 ./src/main.c',
  'F f 644 0 0 800 1700000100.3000000000 ./src/main.o',
  'F f 755 0 0 9000 1700000100.4000000000 ./usr/local/bin/app',
  'F d 755 0 0 4096 1700000100.4000000000 ./usr/local/share/app',
  'F d 755 0 0 4096 1700000100.4000000000 ./usr/local/share/app/data dir',
  'F f 644 0 0 7 1700000100.4000000000 ./usr/local/share/app/data dir/words.txt',
  'F f 644 0 0 99 1700000100.4000000000 ./var/lib/dpkg/status',
  'F f 644 0 0 99 1700000100.4000000000 ./usr/lib/python3/dist-packages/x/__pycache__/y.cpython-311.pyc',
];

/** The same listings as `find -exec stat -c 'S %f %u %g %s %Y %n'` prints them (whole seconds). */
function asStat(lines: string[]): string[] {
  return lines.map((line) => {
    const match = /^F (\S) ([0-7]+) (\d+) (\d+) (\d+) (\d+)\.\d+ (.*)$/.exec(line);
    if (!match) return line;
    const type = { f: 0o100000, d: 0o040000, l: 0o120000 }[match[1]]!;
    const mode = (type | parseInt(match[2], 8)).toString(16);
    return `S ${mode} ${match[3]} ${match[4]} ${match[5]} ${match[6]} ${match[7]}`;
  });
}

describe.each([
  ['find-printf', BEFORE_PRINTF, AFTER_PRINTF],
  ['find-stat', asStat(BEFORE_PRINTF), asStat(AFTER_PRINTF)],
])('a listing in the %s format', (format, before, after) => {
  const old = parseListing(before, format);
  const now = parseListing(after, format);

  test('is read whole: types, modes, owners, targets', () => {
    expect(old.malformed).toBe(0);
    expect(now.malformed).toBe(0);
    expect(now.entries).toHaveLength(15);
    const byPath = new Map(now.entries.map((e) => [e.path, e]));
    expect(byPath.get('/')).toMatchObject({ type: 'dir', mode: 0o755 });
    expect(byPath.get('/src')).toMatchObject({ type: 'dir', mode: 0o700, uid: 1000, gid: 1000 });
    expect(byPath.get('/usr/bin/cc')).toMatchObject({ type: 'symlink', target: 'g++', size: 5 });
    expect(byPath.get('/usr/local/share/app/data dir/words.txt')).toMatchObject({
      type: 'file',
      size: 7,
    });
    expect(byPath.get('/usr/local/bin/app')?.mtime).toBe(
      format === 'find-printf' ? 1700000100.4 : 1700000100,
    );
  });

  test('the diff: created, changed (with what), removed, noise left out', () => {
    const diff = diffListings(old.entries, now.entries);
    expect(diff.created.map((e) => e.path)).toEqual([
      '/src/main.o',
      '/usr/local/bin/app',
      '/usr/local/share/app',
      '/usr/local/share/app/data dir',
      '/usr/local/share/app/data dir/words.txt',
    ]);
    expect(diff.changed.map((c) => [c.path, c.what])).toEqual([
      ['/etc/app.conf', ['content']],
      ['/src', ['mode', 'owner']],
      ['/usr/bin/cc', ['content', 'target']],
    ]);
    expect(diff.removed).toEqual(['/etc/old.conf']);
    // /var/lib/dpkg/status (changed) and the .pyc (created) are noise.
    expect(diff.ignored).toBe(2);
  });

  test('roots: what make install wrote, a created directory standing for its contents', () => {
    expect(diffListings(old.entries, now.entries).roots).toEqual([
      '/etc/app.conf',
      '/src/main.o',
      '/usr/bin/cc',
      '/usr/local/bin/app',
      '/usr/local/share/app',
    ]);
  });

  test('an image compared with itself has no differences', () => {
    const diff = diffListings(now.entries, parseListing(after, format).entries);
    expect(diff).toEqual({ created: [], changed: [], removed: [], roots: [], ignored: 0 });
  });
});

describe('listings', () => {
  test('a GNU listing against a busybox one compares mtimes to the second', () => {
    const printf = parseListing(
      ['F f 644 0 0 3 1700000000.9000000000 ./a', 'F f 644 0 0 3 1700000000.9 ./b'],
      'find-printf',
    );
    const stat = parseListing(
      ['S 81a4 0 0 3 1700000000 ./a', 'S 81a4 0 0 3 1700000001 ./b'],
      'find-stat',
    );
    const diff = diffListings(printf.entries, stat.entries);
    expect(diff.changed.map((c) => c.path)).toEqual(['/b']);
  });

  test('within one format fractions count: a rewrite in the same second is seen', () => {
    const a = parseListing(['F f 644 0 0 3 1700000000.1000000000 ./a'], 'find-printf');
    const b = parseListing(['F f 644 0 0 3 1700000000.2000000000 ./a'], 'find-printf');
    expect(diffListings(a.entries, b.entries).changed.map((c) => c.what)).toEqual([['content']]);
  });

  test('malformed lines are counted, not read: a name cut by a newline, a stray target, tool errors', () => {
    const listing = parseListing(
      [
        'F f 644 0 0 3 1700000000.1 ./name with',
        'newline in it',
        '-> stray target',
        "find: './proc/1': Permission denied",
        'S zz 0 0 3 1 ./bad-mode',
        '',
      ],
      'find-printf',
    );
    expect(listing.entries.map((e) => e.path)).toEqual(['/name with']);
    expect(listing.malformed).toBe(4);
  });

  test('a type change is reported alone; sockets and fifos are "other"', () => {
    const a = parseListing(['S 81a4 0 0 3 1 ./x', 'S 11a4 0 0 0 1 ./fifo'], 'find-stat');
    const b = parseListing(['S a1ff 0 0 3 1 ./x', '-> y'], 'find-stat');
    expect(a.entries[1].type).toBe('other');
    expect(diffListings(a.entries, b.entries).changed.map((c) => [c.path, c.what])).toEqual([
      ['/x', ['type']],
    ]);
  });

  test.each([
    ['/var/cache/apt/pkgcache.bin', true],
    ['/var/cache', true],
    ['/var/cached', false],
    ['/root/.cache/go-build/00/x', true],
    ['/home/app/.npm/_cacache/x', true],
    ['/usr/lib/python3.11/site-packages/x/__pycache__', true],
    ['/app/x.pyc', true],
    ['/etc/hosts', true],
    ['/etc/hosts.allow', false],
    ['/var/lib/dpkg/info/x.list', true],
    ['/go/pkg/mod/github.com/x', true],
    ['/go/bin/app', false],
    ['/usr/local/bin/app', false],
  ])('%s is noise: %s', (path, noise) => {
    expect(isNoise(path)).toBe(noise);
  });
});
