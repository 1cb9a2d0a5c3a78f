/**
 * Reading a Dockerfile defensively and writing it back atomically.
 *
 * A write goes to a temporary file in the same directory (same file system), is flushed to disk,
 * given the original's mode and owner, and renamed over the original: a crash leaves either the old
 * file or the new one, never half of one. Right before the rename the original is read again; if
 * someone changed it meanwhile, the write is abandoned rather than overwriting their change.
 */
import {
  chownSync,
  linkSync,
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { describeFsError } from './discover.js';

export class FileError extends Error {}

export const DEFAULT_MAX_BYTES = 1024 * 1024;

export interface ReadFile {
  text: string;
  bytes: Buffer;
  stat: Stats;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readDockerfile(path: string, maxBytes = DEFAULT_MAX_BYTES): ReadFile {
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink is reported, not followed (it could point anywhere).
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new FileError('is a symbolic link (not followed)');
    throw new FileError(describeFsError(error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError('is a directory, not a Dockerfile');
    if (!stat.isFile()) throw new FileError('is not a regular file');
    if (stat.size > maxBytes)
      throw new FileError(
        `is ${stat.size} bytes, over the ${maxBytes}-byte limit (--max-file-size)`,
      );
    let bytes: Buffer;
    try {
      bytes = readFileSync(fd);
    } catch (error) {
      throw new FileError(describeFsError(error));
    }
    if (bytes.includes(0)) throw new FileError('is a binary file (contains NUL bytes)');
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new FileError('is not valid UTF-8 text');
    }
    return { text, bytes, stat };
  } finally {
    closeSync(fd);
  }
}

const pendingTemps = new Set<string>();

/** Temporary files being written right now, removed by the signal handler on interrupt. */
export function removePendingTemps(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

export function writeAtomically(path: string, contents: string, original: ReadFile): void {
  const temp = join(
    dirname(path),
    `.${basename(path)}.dockopt-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  pendingTemps.add(temp);
  try {
    const fd = openSync(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      original.stat.mode & 0o7777,
    );
    try {
      fchmodSync(fd, original.stat.mode & 0o7777); // exact mode, whatever the umask
      writeSync(fd, contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      chownSync(temp, original.stat.uid, original.stat.gid);
    } catch {
      // Not permitted for a non-root user on someone else's file; the mode is kept regardless.
    }
    let current: Buffer;
    try {
      current = readFileSync(path);
    } catch (error) {
      throw new FileError(
        `changed while dockopt was working (${describeFsError(error)}); not written`,
      );
    }
    if (!current.equals(original.bytes))
      throw new FileError('changed on disk while dockopt was working; not written');
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof FileError) throw error;
    throw new FileError(`could not write: ${describeFsError(error)}`);
  } finally {
    pendingTemps.delete(temp);
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
