/**
 * Whether the program a CMD names can be started without a shell. `sh -c ./start.sh` runs a
 * script that has no `#!` line (the shell falls back to reading it itself when exec fails with
 * ENOEXEC); the JSON form execs it directly, and the container fails with "exec format error".
 *
 * So the program must be shown to be a binary or a script with `#!`:
 *   - a bare name (`gunicorn`, `python3`) is an installed program found on PATH, unless the
 *     Dockerfile itself puts a file of that name in a PATH directory (COPY/ADD, or a RUN that
 *     names `<dir>/<name>`);
 *   - an absolute path in a system bin directory likewise, unless the Dockerfile writes it;
 *   - anything else (`./start.sh`, `/entrypoint.sh`, `bin/server`) must come from the build
 *     context through a COPY of this stage's lineage (RUNs after it may only chmod/chown it),
 *     and the file there must start with `#!` or be an ELF binary.
 */
import { Env } from 'dockerfile-ast';
import type { BuildContext } from '../../src/core/context.js';
import { copyArguments } from '../../src/core/copy-operands.js';
import { argsText, type DockerfileModel, type InstructionNode } from '../../src/core/model.js';
import { DEFAULT_PATH } from '../../src/core/env.js';
import { lineageOf } from '../../src/core/stages.js';
import { cleanPath, type WorkdirMap } from '../../src/core/workdir.js';
import { commandsOf } from '../../src/shell/query.js';
import type { ShellResult } from '../../src/shell/script.js';

const SCRIPT_NAME = /\.(sh|bash)$/;
/** Commands that change a file's mode or owner, not what it contains. */
const METADATA_ONLY = new Set(['chmod', 'chown', 'chgrp', 'ls', 'stat', 'test']);

export type ProgramVerdict = { ok: true } | { ok: false; reason: string };

export interface ProgramInputs {
  model: DockerfileModel;
  workdirs: WorkdirMap;
  context: BuildContext | null;
  shellOf(node: InstructionNode): ShellResult;
}

/** Where a COPY/ADD may put files, resolved to absolute paths. */
interface Placement {
  node: InstructionNode;
  /** Absolute destination, cleaned; null when it cannot be resolved. */
  target: string | null;
  /** The destination is a directory (trailing `/` or several sources). */
  intoDirectory: boolean;
  sources: string[];
  /** The sources are read from the build context (a COPY without --from). */
  fromContext: boolean;
}

export function checkProgram(
  inputs: ProgramInputs,
  node: InstructionNode,
  program: string,
): ProgramVerdict {
  const { model } = inputs;
  const earlier = lineageOf(node.stage!)
    .flatMap((s) => s.instructions)
    .filter((i) => i.index < node.index);
  const placements = earlier.flatMap((i) => placementOf(inputs, i));
  const unsure = `\`${program}\` may be a script without a \`#!\` line, which only a shell can run`;

  if (!program.includes('/')) {
    if (SCRIPT_NAME.test(program)) return refuse(unsure);
    const path = pathDirs(earlier);
    const writer = [...placements].reverse().find((p) => placesName(p, program, path));
    if (writer)
      return refuse(`${unsure} (line ${writer.node.firstLine + 1} may put it on the PATH)`);
    const named = path.dirs.map((d) => `${d}/${program}`);
    if (earlier.some((i) => i.keyword === 'RUN' && named.some((n) => mentions(model, i, n))))
      return refuse(`${unsure} (a RUN writes or links it)`);
    return { ok: true };
  }

  const cwd = inputs.workdirs.before(node);
  const absolute = program.startsWith('/')
    ? cleanPath(program)
    : cwd && cleanPath(`${cwd}/${program}`);
  if (!absolute) return refuse(`${unsure} (the working directory is not known)`);
  const writer = [...placements].reverse().find((p) => p.target === null || covers(p, absolute));
  const runs = earlier.filter(
    (i) =>
      i.keyword === 'RUN' &&
      (!writer || i.index > writer.node.index) &&
      mentions(model, i, absolute),
  );
  if (!writer) {
    const system = DEFAULT_PATH.some((d) => absolute === `${d}/${absolute.split('/').pop()}`);
    if (system && runs.length === 0 && !SCRIPT_NAME.test(absolute)) return { ok: true };
    return refuse(unsure);
  }
  const context = inputs.context;
  const contextPath = context?.readHead ? contextPathOf(writer, absolute, context) : null;
  if (!context?.readHead || !contextPath)
    return refuse(
      `${unsure} (it comes from line ${writer.node.firstLine + 1}, and its file cannot be read here)`,
    );
  if (runs.some((r) => !onlyMetadata(inputs, r, absolute)))
    return refuse(`${unsure} (a RUN changes it after it is copied)`);
  const head = context.readHead(contextPath, 4);
  const magic = head ? String.fromCharCode(...head) : '';
  if (magic.startsWith('#!') || magic === '\x7fELF') return { ok: true };
  return refuse(`\`${contextPath}\` is neither a binary nor a script with a \`#!\` line`);
}

function placementOf(inputs: ProgramInputs, node: InstructionNode): Placement[] {
  if (node.keyword !== 'COPY' && node.keyword !== 'ADD') return [];
  const args = copyArguments(inputs.model, node);
  if (!args) return [{ node, target: null, intoDirectory: true, sources: [], fromContext: false }];
  const cwd = inputs.workdirs.before(node);
  const dest = args.destination;
  const resolved = dest.startsWith('/') ? dest : cwd === null ? null : `${cwd}/${dest}`;
  return [
    {
      node,
      target: resolved === null || resolved.includes('$') ? null : cleanPath(resolved),
      intoDirectory: dest.endsWith('/') || dest === '.' || args.sources.length > 1,
      sources: args.sources,
      fromContext: node.keyword === 'COPY' && args.from === null,
    },
  ];
}

/** The PATH of the stage at this point: the default plus literal ENV PATH entries. */
function pathDirs(earlier: InstructionNode[]) {
  const dirs = [...DEFAULT_PATH];
  let unknown = false;
  for (const node of earlier) {
    if (!(node.ast instanceof Env)) continue;
    for (const property of node.ast.getProperties()) {
      if (property.getName() !== 'PATH') continue;
      for (const part of (property.getValue() ?? '').split(':')) {
        if (part === '$PATH' || part === '${PATH}' || part === '') continue;
        if (part.includes('$') || !part.startsWith('/')) unknown = true;
        else dirs.push(cleanPath(part));
      }
    }
  }
  return { dirs, unknown };
}

/** Whether a placement may put a file called `name` into one of the PATH directories. */
function placesName(p: Placement, name: string, path: { dirs: string[]; unknown: boolean }) {
  if (p.target === null || path.unknown) return true;
  if (!p.intoDirectory) {
    const dir = p.target.slice(0, p.target.lastIndexOf('/')) || '/';
    return basename(p.target) === name && path.dirs.includes(dir);
  }
  return (
    path.dirs.includes(p.target) && p.sources.some((s) => basename(s) === name || maybeDirectory(s))
  );
}

/** Whether a placement may write the file at `absolute`. */
function covers(p: Placement, absolute: string): boolean {
  if (p.target === absolute && !p.intoDirectory) return true;
  return absolute.startsWith(p.target === '/' ? '/' : `${p.target}/`);
}

/** The build-context file `absolute` is copied from (the last source that provides it), or null. */
function contextPathOf(p: Placement, absolute: string, context: BuildContext): string | null {
  if (!p.fromContext || p.target === null || p.sources.some((s) => /[$*?[]/.test(s))) return null;
  const candidates: string[] = [];
  if (p.target === absolute && !p.intoDirectory) candidates.push(p.sources[0]);
  const prefix = p.target === '/' ? '/' : `${p.target}/`;
  if (absolute.startsWith(prefix)) {
    const rest = absolute.slice(prefix.length);
    for (const source of p.sources) {
      if (context.isDirectory(source)) candidates.push(`${source}/${rest}`);
      else if (p.intoDirectory && basename(source) === rest) candidates.push(source);
    }
  }
  const files = candidates
    .map(cleanSource)
    .filter((c) => context.exists(c) && !context.isDirectory(c));
  return files.length > 0 ? files[files.length - 1] : null;
}

/** Whether every command of the RUN that names the file only changes its metadata. */
function onlyMetadata(inputs: ProgramInputs, run: InstructionNode, absolute: string): boolean {
  const { script } = inputs.shellOf(run);
  if (!script) return false;
  return commandsOf(script)
    .filter((c) => c.args.some((a) => a.text.includes(absolute)))
    .every((c) => c.name !== null && METADATA_ONLY.has(c.name));
}

function mentions(model: DockerfileModel, node: InstructionNode, path: string): boolean {
  return argsText(model, node).includes(path);
}

function maybeDirectory(source: string): boolean {
  return source === '.' || source.endsWith('/') || !/\.[^/.]+$/.test(basename(source));
}

function cleanSource(path: string): string {
  return cleanPath(`/${path}`).slice(1) || '.';
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? '';
}

function refuse(reason: string): ProgramVerdict {
  return { ok: false, reason };
}
