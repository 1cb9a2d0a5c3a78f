/**
 * How a RUN uses a file that is about to become a read-only bind mount: reading it is fine,
 * changing its mode or owner needs `rw` (the change is discarded with the mount), and anything that
 * replaces, moves, rewrites or deletes it would fail on a mount point.
 */
import { pathTarget, resolveTarget } from '../../src/shell/paths.js';
import { commandsOf, hasOption, type SimpleCommand, type Word } from '../../src/shell/query.js';
import { findAll, textOf, type ShellScript } from '../../src/shell/script.js';

/** Commands that replace or delete the file they are given. */
const REPLACING = new Set([
  'gunzip',
  'bunzip2',
  'unxz',
  'unlzma',
  'uncompress',
  'mv',
  'truncate',
  'shred',
  'unlink',
  'rm',
  'ln',
]);
/** Compressors that replace their input unless told to keep it (`-k`) or write to stdout (`-c`). */
const COMPRESSORS = new Set(['gzip', 'bzip2', 'xz', 'lzma', 'zstd', 'lz4']);
const METADATA = new Set(['chmod', 'chown', 'chgrp', 'touch', 'setfacl', 'chattr']);

export function fileUses(
  script: ShellScript,
  path: string,
  rm: SimpleCommand,
  cwd: string | null,
): { writes: boolean } | string {
  const names = (w: Word) => {
    const t = resolveTarget(pathTarget(w.text), cwd);
    return t.kind === 'absolute' && !t.glob && t.path === path;
  };
  let writes = false;
  for (const cmd of commandsOf(script)) {
    if (cmd.node === rm.node) continue;
    const args = cmd.args.filter(names);
    if (args.length === 0) continue;
    const name = cmd.name ?? '';
    if (REPLACING.has(name))
      return `\`${name}\` would replace or delete the file, which a mount does not allow`;
    if (COMPRESSORS.has(name) && !hasOption(cmd, ['k', 'c'], ['keep', 'stdout', 'to-stdout']))
      return `\`${name}\` would replace the file, which a mount does not allow`;
    if (name === 'sed' && hasOption(cmd, ['i'], ['in-place']))
      return '`sed -i` would rewrite the file, which a mount does not allow';
    if ((name === 'cp' || name === 'install') && names(cmd.args[cmd.args.length - 1]))
      return `\`${name}\` would overwrite the file, which a mount does not allow`;
    if (METADATA.has(name)) writes = true;
  }
  for (const redirect of findAll(script.root, 'file_redirect')) {
    const dest = redirect.children.find((c) => c.field === 'destination');
    const op = redirect.children.find((c) => !c.named)?.type ?? '';
    if (!dest || op.startsWith('<')) continue;
    const t = resolveTarget(pathTarget(textOf(script, dest)), cwd);
    if (t.kind === 'absolute' && t.path === path)
      return 'a redirection would write to the file, which a mount does not allow';
  }
  return { writes };
}
