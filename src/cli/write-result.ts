/**
 * `--write`: puts a changed result on disk (atomically, keeping mode and owner, refusing if the
 * file changed since it was read), and the other files of the build context it changes. A failed
 * write turns the result into an error.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { createAtomically, FileError, writeAtomically } from './files.js';
import type { ContextFileChange, FileResult } from './process-file.js';

export function writeResult(result: FileResult): FileResult {
  if (result.status !== 'changed') return result;
  try {
    // The context files first: a Dockerfile rewrite may rely on them (copy-order on .dockerignore).
    for (const file of result.files ?? []) writeContextFile(file);
    if (result.output !== undefined && result.file && result.output !== result.original) {
      const original = result.original ?? '';
      writeAtomically(result.path, result.output, {
        text: original,
        // The text was decoded strictly from UTF-8, so encoding it again gives the bytes read.
        bytes: Buffer.from(original, 'utf8'),
        stat: result.file as Stats,
      });
    }
    return result;
  } catch (error) {
    const message = error instanceof FileError ? error.message : String(error);
    return { ...result, status: 'error', errors: [...result.errors, message] };
  }
}

function writeContextFile(file: ContextFileChange): void {
  let current: string | null = null;
  try {
    current = readFileSync(file.path, 'utf8');
  } catch {
    current = null;
  }
  if (current === file.after) return; // already so (another Dockerfile of the context wrote it)
  if (current !== file.before)
    throw new FileError(`${file.path} changed on disk while dockopt was working; not written`);
  if (current === null) createAtomically(file.path, file.after);
  else
    writeAtomically(file.path, file.after, {
      text: current,
      bytes: Buffer.from(current, 'utf8'),
      stat: statSync(file.path),
    });
}

/**
 * Several Dockerfiles of one build context propose the same file: the first one shows and writes
 * it, the same proposal again is dropped, and a different one is an error (its Dockerfile is left
 * alone: its rewrite may rely on its version of the file).
 */
export function claimContextFiles(result: FileResult, claimed: Map<string, string>): FileResult {
  if (!result.files?.length) return result;
  const conflict = result.files.find((f) => claimed.has(f.path) && claimed.get(f.path) !== f.after);
  if (conflict)
    return {
      ...result,
      status: 'error',
      files: [],
      errors: [
        ...result.errors,
        `another Dockerfile of the same build context proposes a different ${conflict.path}; run dockopt on them one at a time`,
      ],
    };
  const fresh = result.files.filter((f) => !claimed.has(f.path));
  let diff = result.diff;
  for (const f of result.files.filter((f) => claimed.has(f.path)))
    if (diff !== undefined && f.diff) diff = diff.replace(f.diff, '');
  for (const f of fresh) claimed.set(f.path, f.after);
  const unchanged = fresh.length === 0 && result.output === result.original;
  return {
    ...result,
    files: fresh,
    ...(diff !== undefined ? { diff } : {}),
    ...(unchanged ? { status: 'unchanged' as const } : {}),
  };
}
