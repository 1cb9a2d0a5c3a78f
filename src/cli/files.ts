/**
 * Reading a Dockerfile defensively and writing it back atomically.
 *
 * Reading: symbolic links are never followed (O_NOFOLLOW), FIFOs and devices are refused without
 * blocking (O_NONBLOCK), and a file over the size limit, with NUL bytes, or not valid UTF-8 is
 * refused with a one-line reason.
 *
 * Writing: the new contents go to a temporary file in the same directory (same file system), are
 * flushed to disk, get the mode and owner of the file they replace, and are renamed over it; the
 * directory is flushed too. A crash leaves the old file or the new one, never half of one. Right
 * before the rename the file is opened again (without following links) and compared with what was
 * read: if it was changed, deleted, replaced or turned into a link meanwhile, nothing is written,
 * rather than overwriting someone's change. (What is left is the instant between that check and the
 * rename; no portable lock closes it.) A file whose owner cannot be kept, or that has other hard
 * links (which a rename would separate from it), is not written either.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeFsError } from './discover.js';

export class FileError extends Error {}

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface ReadFile {
  text: string;
  bytes: Buffer;
  stat: Stats;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Open for reading: never through a symbolic link, never waiting on a FIFO or a device. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export function readDockerfile(path: string, maxBytes = DEFAULT_MAX_BYTES): ReadFile {
  const fd = openForReading(path);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError('is a directory, not a Dockerfile');
    if (!stat.isFile()) throw new FileError(`is not a regular file (${kindOf(stat)})`);
    if (stat.size > maxBytes) throw new FileError(tooLarge(stat.size, maxBytes));
    // One byte more than the limit: a file growing while it is read is still caught.
    const bytes = readUpTo(fd, maxBytes + 1, stat.size);
    if (bytes.length > maxBytes) throw new FileError(tooLarge(bytes.length, maxBytes));
    return { text: decode(bytes), bytes, stat };
  } finally {
    closeSync(fd);
  }
}

function openForReading(path: string): number {
  try {
    return openSync(path, READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new FileError(describeLink(path));
    throw new FileError(describeFsError(error));
  }
}

/** Why a symbolic link is refused, saying where it points. */
function describeLink(path: string): string {
  let target: string;
  try {
    if (!lstatSync(path).isSymbolicLink()) return 'too many levels of symbolic links';
    target = readlinkSync(path);
  } catch (error) {
    return describeFsError(error);
  }
  try {
    statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `is a symbolic link to ${target}, which does not exist`;
    if (code === 'ELOOP') return `is a symbolic link to ${target}, which loops back on itself`;
  }
  return `is a symbolic link to ${target} (links are not followed: name the file itself)`;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}

function tooLarge(size: number, maxBytes: number): string {
  return `is ${size} bytes, over the ${maxBytes}-byte limit (raise it with --max-file-size)`;
}

/**
 * Reads until end of file or `limit` bytes. The first buffer is sized from the file's size (one
 * byte more, so that a file that grew is read on) instead of two zeroed 64 KiB buffers for every
 * file, mostly unused. The buffers are not zeroed: only the bytes read into them are kept.
 */
function readUpTo(fd: number, limit: number, expectedSize: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const wanted = chunks.length === 0 ? expectedSize + 1 : 64 * 1024;
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(wanted, limit - total)));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      throw new FileError(describeFsError(error));
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total >= limit) break;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function decode(bytes: Buffer): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    throw new FileError('is UTF-16 text; only UTF-8 Dockerfiles are supported');
  if (bytes.includes(0)) throw new FileError('is a binary file (contains NUL bytes)');
  try {
    return utf8.decode(bytes);
  } catch {
    throw new FileError('is not valid UTF-8 text');
  }
}

/** Parses `--max-file-size`: bytes, or a number with k, M or G (powers of 1024; `MiB`, `MB` too). */
export function parseByteSize(value: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(value);
  if (!match) return null;
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]?.toLowerCase() as 'k'] ?? 1;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : null;
}

const pendingTemps = new Set<string>();

/** Temporary files being written right now, removed by the signal handler on interrupt. */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

/**
 * Replaces `path` with `contents`, atomically, if it still holds exactly `original.bytes`. Throws
 * `FileError` (with nothing written and no temporary file left) otherwise.
 */
export function writeAtomically(
  path: string,
  contents: string,
  original: Pick<ReadFile, 'bytes'> & Partial<ReadFile>,
): void {
  const before = unchangedSince(path, original.bytes);
  if (!isWritable(path, before)) throw new FileError('is read-only; not written');
  const temp = join(
    dirname(path),
    `.${basename(path)}.dockopt-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  pendingTemps.add(temp);
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      writeAll(fd, Buffer.from(contents, 'utf8'));
      keepOwner(fd, before);
      fchmodSync(fd, before.mode & 0o7777); // after chown, which may clear setuid/setgid bits
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const now = unchangedSince(path, original.bytes);
    if (now.ino !== before.ino || now.dev !== before.dev)
      throw new FileError('was replaced by another file while dockopt was working; not written');
    renameSync(temp, path);
    syncDirectory(dirname(path));
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof FileError) throw error;
    throw new FileError(`could not write: ${describeFsError(error)}`);
  } finally {
    pendingTemps.delete(temp);
  }
}

/** The file's current stat, if it is still the regular, singly linked file holding `bytes`. */
function unchangedSince(path: string, bytes: Buffer): Stats {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT'
        ? 'was deleted'
        : code === 'ELOOP'
          ? 'was replaced by a symbolic link'
          : null;
    throw new FileError(
      what
        ? `${what} while dockopt was working; not written`
        : `could not be read again before writing (${describeFsError(error)}); not written`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileError('is no longer a regular file; not written');
    if (stat.nlink > 1)
      throw new FileError(
        `has ${stat.nlink} hard links, which replacing it would separate from it; not written`,
      );
    const current = stat.size === bytes.length ? readUpTo(fd, bytes.length + 1, stat.size) : null;
    if (!current || !current.equals(bytes))
      throw new FileError('changed on disk while dockopt was working; not written');
    return stat;
  } finally {
    closeSync(fd);
  }
}

/** Read-only: no write permission for us, or (as root, who may write anything) for anyone. */
function isWritable(path: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Gives the temporary file the replaced file's owner, or refuses if that is not allowed. */
function keepOwner(fd: number, target: Stats): void {
  try {
    fchownSync(fd, target.uid, target.gid);
  } catch {
    const own = fstatSync(fd);
    if (own.uid !== target.uid || own.gid !== target.gid)
      throw new FileError(
        `is owned by ${target.uid}:${target.gid}, and a rewritten file could not keep that owner (run as that user or as root); not written`,
      );
  }
}

function writeAll(fd: number, data: Buffer): void {
  for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
}

/** Flushes the directory entry of the rename; best effort (not every file system allows it). */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // The rename is done; durability of the directory entry is all that could be lost.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Creates a file that does not exist yet, atomically: written to a temporary file, flushed, then
 * linked into place, which fails rather than replace a file that appeared meanwhile.
 */
export function createAtomically(path: string, contents: string): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.dockopt-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  pendingTemps.add(temp);
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    try {
      writeSync(fd, contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new FileError('appeared on disk while dockopt was working; not written');
    throw new FileError(`could not write: ${describeFsError(error)}`);
  } finally {
    rmSync(temp, { force: true });
    pendingTemps.delete(temp);
  }
}
