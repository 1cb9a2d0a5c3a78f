/**
 * Files that a COPY/ADD brings in only for a later RUN to use and delete: an archive extracted and
 * removed, a .deb installed and removed. The RUN's `rm` saves nothing, since the file stays in the
 * COPY/ADD layer. Shared by fold-cleanup (which reports the waste) and fold-archive (which rewrites
 * it to a bind mount or a download in the RUN).
 */
import { posix } from 'node:path';
import { copyOperands } from '../copy-operands.js';
import { workdirsOf } from '../workdir.js';
import type { DockerfileModel, InstructionNode } from '../model.js';
import { pathTarget, resolveTarget, within } from '../../shell/paths.js';
import { commandsOf, type SimpleCommand, type Word } from '../../shell/query.js';
import type { ShellResult, ShellScript } from '../../shell/script.js';

export interface ConsumedCopy {
  copy: InstructionNode;
  run: InstructionNode;
  script: ShellScript;
  /** The source as written: a path in the build context, or a URL for ADD. */
  source: string;
  remote: boolean;
  /** Where the file is in the image. */
  path: string;
  /** The RUN's working directory, when known (relative words are resolved against it). */
  cwd: string | null;
  /** The `rm` that deletes it, and the word naming it exactly (null: a glob or folder covers it). */
  rm: SimpleCommand;
  rmWord: Word | null;
}

/** ADD extracts local archives of these kinds itself: no RUN extracts them after it. */
const ADD_EXTRACTS = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;
const URL = /^https?:\/\//i;

export function consumedCopies(
  model: DockerfileModel,
  shellOf: (node: InstructionNode) => ShellResult,
): ConsumedCopy[] {
  const found: ConsumedCopy[] = [];
  const dirs = workdirsOf(model);
  for (const stage of model.stages) {
    stage.instructions.forEach((copy, position) => {
      const operands = copyOperands(copy);
      if (!operands?.static || operands.sources.length !== 1) return;
      const source = operands.sources[0];
      const remote = copy.keyword === 'ADD' && URL.test(source);
      if (
        (!remote && /[*?[]/.test(source)) ||
        (copy.keyword === 'ADD' && !remote && ADD_EXTRACTS.test(source))
      )
        return;
      if (copy.keyword === 'COPY' && URL.test(source)) return;
      const name = posix.basename(remote ? urlPath(source) : source);
      if (!name || name === '.' || name === '..') return;
      const dest = resolveTarget(pathTarget(operands.dest), dirs.before(copy));
      if (dest.kind !== 'absolute') return;
      const candidates = operands.dest.endsWith('/')
        ? [posix.join(dest.path, name)]
        : [dest.path, posix.join(dest.path, name)];
      for (const run of stage.instructions.slice(position + 1)) {
        if (run.keyword !== 'RUN') continue;
        const { script } = shellOf(run);
        if (!script) break;
        const cwd = dirs.before(run);
        const named = (w: Word) => {
          const t = resolveTarget(pathTarget(w.text), cwd);
          return t.kind === 'absolute' && !t.glob && candidates.includes(t.path) ? t.path : null;
        };
        const path = commandsOf(script)
          .flatMap((c) => c.args)
          .map(named)
          .find((p) => p !== null);
        if (!path) continue;
        // Only consumed when something other than `rm` uses it there.
        const used = commandsOf(script).some(
          (c) => c.name !== 'rm' && [c.nameWord, ...c.args].some((w) => w && named(w) === path),
        );
        if (!used) break;
        const removal = deletion(script, path, cwd);
        if (removal) found.push({ copy, run, script, source, remote, path, cwd, ...removal });
        break;
      }
    });
  }
  return found;
}

/** The `rm` that deletes `path`, naming it exactly or through a folder or glob above it. */
function deletion(
  script: ShellScript,
  path: string,
  cwd: string | null,
): { rm: SimpleCommand; rmWord: Word | null } | null {
  for (const rm of commandsOf(script)) {
    if (rm.name !== 'rm') continue;
    for (const word of rm.args) {
      if (word.value?.startsWith('-')) continue;
      const target = resolveTarget(pathTarget(word.text), cwd);
      if (target.kind !== 'absolute') continue;
      if (!target.glob && target.path === path) return { rm, rmWord: word };
      if (
        target.glob ? within(path, target.path) && path !== target.path : within(path, target.path)
      )
        return { rm, rmWord: null };
    }
  }
  return null;
}

function urlPath(url: string): string {
  try {
    return new globalThis.URL(url).pathname;
  } catch {
    return '';
  }
}
