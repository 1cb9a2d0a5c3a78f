/**
 * Defensive reads and atomic writes (src/cli/files.ts), on real files in a temporary directory:
 * what is refused and with which one-line reason, and that a refused write leaves the file and the
 * directory exactly as they were (no temporary file).
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, parseByteSize, readDockerfile, writeAtomically } from '../src/cli/files.js';

const TEXT = 'FROM alpine:3.20\nRUN echo a\n';
const NEW = 'FROM alpine:3.20\nRUN echo a && echo b\n';
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockopt-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, contents: string | Buffer = TEXT): string {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

function readError(path: string, maxBytes?: number): string {
  try {
    readDockerfile(path, maxBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(FileError);
    return (error as Error).message;
  }
  return 'no error';
}

function writeError(path: string, original: Buffer, contents = NEW): string {
  try {
    writeAtomically(path, contents, { bytes: original });
  } catch (error) {
    expect(error).toBeInstanceOf(FileError);
    return (error as Error).message;
  }
  return 'no error';
}

describe('readDockerfile', () => {
  test('a regular UTF-8 file: its text and bytes (a BOM is kept)', () => {
    const path = file('Dockerfile', `\uFEFF${TEXT}`);
    const read = readDockerfile(path);
    expect(read.text).toBe(`\uFEFF${TEXT}`);
    expect(read.bytes.equals(readFileSync(path))).toBe(true);
  });

  test('a 50 MB file is refused at the default limit; the limit is configurable', () => {
    const big = file('big.Dockerfile', '');
    truncateSync(big, 50 * 1024 * 1024);
    expect(readError(big)).toBe(
      'is 52428800 bytes, over the 1048576-byte limit (raise it with --max-file-size)',
    );
    const text = `FROM alpine\n${'# padding padding padding\n'.repeat(100_000)}`;
    const large = file('large.Dockerfile', text);
    expect(readError(large)).toMatch(/^is 2600012 bytes, over the 1048576-byte limit/);
    expect(readDockerfile(large, 4 * 1024 * 1024).text).toBe(text);
  });

  test('binary, invalid UTF-8 and UTF-16 files are refused', () => {
    expect(readError(file('a', Buffer.from([0x46, 0x52, 0x00, 0x4d])))).toBe(
      'is a binary file (contains NUL bytes)',
    );
    expect(readError(file('b', Buffer.from([0x46, 0x52, 0xff, 0x0a])))).toBe(
      'is not valid UTF-8 text',
    );
    expect(readError(file('c', Buffer.from('\uFEFFFROM x\n', 'utf16le')))).toBe(
      'is UTF-16 text; only UTF-8 Dockerfiles are supported',
    );
  });

  test('a directory, a named pipe (without blocking), a missing file', () => {
    mkdirSync(join(dir, 'Dockerfile'));
    expect(readError(join(dir, 'Dockerfile'))).toBe('is a directory, not a Dockerfile');
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(readError(join(dir, 'fifo'))).toBe('is not a regular file (a named pipe)');
    expect(readError(join(dir, 'missing'))).toBe('no such file or directory');
  });

  test('symbolic links are not followed, and the message says where they point', () => {
    file('Dockerfile');
    symlinkSync('Dockerfile', join(dir, 'link'));
    symlinkSync('nowhere', join(dir, 'dangling'));
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect(readError(join(dir, 'link'))).toBe(
      'is a symbolic link to Dockerfile (links are not followed: name the file itself)',
    );
    expect(readError(join(dir, 'dangling'))).toBe(
      'is a symbolic link to nowhere, which does not exist',
    );
    expect(readError(join(dir, 'loop-a'))).toBe(
      'is a symbolic link to loop-b, which loops back on itself',
    );
  });
});

describe('writeAtomically', () => {
  test('replaces the contents, keeps the mode, leaves no temporary file', () => {
    const path = file('Dockerfile');
    chmodSync(path, 0o2751);
    writeAtomically(path, NEW, readDockerfile(path));
    expect(readFileSync(path, 'utf8')).toBe(NEW);
    expect(statSync(path).mode & 0o7777).toBe(0o2751);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  test('the new contents arrive as a new file: a reader that opened the old one still reads it whole', () => {
    const path = file('Dockerfile');
    const inodeBefore = statSync(path).ino;
    const reader = openSync(path, 'r');
    try {
      writeAtomically(path, NEW, readDockerfile(path));
      // An in-place write would show the new bytes through the old descriptor, and keep the inode.
      const buffer = Buffer.alloc(TEXT.length + 32);
      const read = readSync(reader, buffer, 0, buffer.length, 0);
      expect(buffer.subarray(0, read).toString('utf8')).toBe(TEXT);
      expect(statSync(path).ino).not.toBe(inodeBefore);
      expect(readFileSync(path, 'utf8')).toBe(NEW);
    } finally {
      closeSync(reader);
    }
  });

  (isRoot ? test : test.skip)('keeps the owner (as root, of a file owned by someone else)', () => {
    const path = file('Dockerfile');
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o4755);
    writeAtomically(path, NEW, readDockerfile(path));
    const stat = statSync(path);
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([65534, 65534, 0o4755]);
  });

  test('a file changed after it was read is not overwritten', () => {
    const path = file('Dockerfile');
    const read = readDockerfile(path);
    writeFileSync(path, `${TEXT}# edited meanwhile\n`);
    expect(writeError(path, read.bytes)).toBe(
      'changed on disk while dockopt was working; not written',
    );
    expect(readFileSync(path, 'utf8')).toBe(`${TEXT}# edited meanwhile\n`);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  test('a file changed to the same length is not overwritten either', () => {
    const path = file('Dockerfile');
    const read = readDockerfile(path);
    writeFileSync(path, TEXT.replace('echo a', 'echo z'));
    expect(writeError(path, read.bytes)).toBe(
      'changed on disk while dockopt was working; not written',
    );
  });

  test('a file deleted after it was read is not recreated', () => {
    const path = file('Dockerfile');
    const read = readDockerfile(path);
    unlinkSync(path);
    expect(writeError(path, read.bytes)).toBe('was deleted while dockopt was working; not written');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a file replaced by a symbolic link: neither the link nor its target is written', () => {
    const path = file('Dockerfile');
    const outside = file('outside', TEXT);
    const read = readDockerfile(path);
    unlinkSync(path);
    symlinkSync(outside, path);
    expect(writeError(path, read.bytes)).toBe(
      'was replaced by a symbolic link while dockopt was working; not written',
    );
    expect(readFileSync(outside, 'utf8')).toBe(TEXT);
    expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'outside']);
  });

  test('a file with other hard links is not replaced (the links would be separated)', () => {
    const path = file('Dockerfile');
    linkSync(path, join(dir, 'other-name'));
    expect(writeError(path, readFileSync(path))).toBe(
      'has 2 hard links, which replacing it would separate from it; not written',
    );
    expect(readFileSync(path, 'utf8')).toBe(TEXT);
  });

  test('a read-only file is not written', () => {
    const path = file('Dockerfile');
    chmodSync(path, 0o444);
    expect(writeError(path, readFileSync(path))).toBe('is read-only; not written');
    expect(readFileSync(path, 'utf8')).toBe(TEXT);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });
});

test('parseByteSize: bytes, k/M/G in powers of 1024; anything else is null', () => {
  const sizes = ['1048576', '512k', '50M', '50MiB', '50mb', '1G', '1.5M', '10b'];
  expect(sizes.map(parseByteSize)).toEqual([
    1048576, 524288, 52428800, 52428800, 52428800, 1073741824, 1572864, 10,
  ]);
  expect(['', '0', '-1', 'abc', '10 apples', '1T', 'M'].map(parseByteSize)).toEqual(
    Array(7).fill(null),
  );
});
