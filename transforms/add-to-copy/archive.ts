/**
 * What `ADD` does with a local source: it unpacks a tar archive (plain, gzip, bzip2, xz or zstd,
 * recognised by its content, not its name) into the destination, and copies anything else as is.
 * `.zip` is never unpacked. COPY copies everything as is, so ADD → COPY is only the same for
 * sources that are not tar archives.
 */

/** Names that say "tar archive or compressed stream" (hadolint DL3020's list, plus zstd). */
const ARCHIVE_SUFFIXES = [
  '.tar',
  '.gz',
  '.tgz',
  '.bz2',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.xz',
  '.txz',
  '.lz',
  '.lzma',
  '.tlz',
  '.z',
  '.tz',
  '.zst',
  '.tzst',
];

export function hasArchiveName(path: string): boolean {
  const lower = path.toLowerCase();
  return ARCHIVE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** A name with an extension (`app.py`, `config.json`), not a bare name or a version (`v1.2`). */
export function hasExtension(path: string): boolean {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return /^[^.].*\.[a-z][a-z0-9]{0,7}$/i.test(base);
}

/** `.`, `./`, `dir/`: spelled as a directory (ADD never unpacks a directory). */
export function isDirectorySpelling(path: string): boolean {
  return path === '.' || path === './' || path.endsWith('/') || path.endsWith('/.');
}

/** How many bytes `isArchiveContent` needs to see. */
export const ARCHIVE_HEAD_BYTES = 512;

/** The magic numbers Docker's archive detection recognises, and a tar header's `ustar`. */
export function isArchiveContent(head: Uint8Array): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  return (
    starts(0x1f, 0x8b) || // gzip
    starts(0x42, 0x5a, 0x68) || // bzip2 "BZh"
    starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) || // xz
    starts(0x28, 0xb5, 0x2f, 0xfd) || // zstd
    (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar')
  );
}
