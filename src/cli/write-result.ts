/**
 * `--write`: puts a changed result on disk (atomically, keeping mode and owner, refusing if the
 * file changed since it was read). A failed write turns the result into an error.
 */
import type { Stats } from 'node:fs';
import { FileError, writeAtomically } from './files.js';
import type { FileResult } from './process-file.js';

export function writeResult(result: FileResult): FileResult {
  if (result.status !== 'changed' || result.output === undefined || !result.file) return result;
  const original = result.original ?? '';
  try {
    writeAtomically(result.path, result.output, {
      text: original,
      // The text was decoded strictly from UTF-8, so encoding it again gives the bytes read.
      bytes: Buffer.from(original, 'utf8'),
      stat: result.file as Stats,
    });
    return result;
  } catch (error) {
    const message = error instanceof FileError ? error.message : String(error);
    return { ...result, status: 'error', errors: [...result.errors, message] };
  }
}
