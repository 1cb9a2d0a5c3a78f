/**
 * `dockopt [paths..]`: discover files, run the engine on each, and show, check or write the result.
 * Exit codes: 0 done or nothing to do; 1 changes found in --check / --list-different mode;
 * 2 any error (bad option, unreadable or invalid file, internal error). One bad file never stops
 * the others.
 */
import { readFileSync } from 'node:fs';
import { isEnabledByDefault, type Transform } from '../core/transform.js';
import { builtinTransforms } from '../../transforms/index.js';
import { loadTransformModules, TransformLoadError } from './custom-transforms.js';
import { removePendingTemps } from './files.js';
import { HelpShown, parseOptions, UsageError, type CliOptions } from './options.js';
import { run } from './run.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  stdoutIsTTY: boolean;
  /** Where a progress bar may go (a terminal); absent: no bar. */
  progressStream?: NodeJS.WriteStream;
}

/**
 * A reader that stops early (`dockopt . | head`) closes the pipe: further output is dropped
 * quietly, and the run finishes its work (a --write run must not stop half way).
 */
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const processIo: Io = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progressStream: process.stderr } : {}),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let options: CliOptions;
  let all: Transform[];
  try {
    // `dockopt verify [paths]`: the first word only (a path named verify can be given as ./verify).
    const verifyCommand = argv[0] === 'verify';
    options = parseOptions(verifyCommand ? argv.slice(1) : argv, io.stdoutIsTTY, verifyCommand);
    all = [...builtinTransforms, ...(await customTransforms(options.transformModules))];
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    if (error instanceof UsageError || error instanceof TransformLoadError) {
      io.stderr(`dockopt: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.listTransforms) {
    io.stdout(listTransforms(all));
    return 0;
  }
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemps();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run(options, io, all);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Loads `--transform` modules; their ids may not repeat a built-in one or each other. */
async function customTransforms(paths: readonly string[]): Promise<Transform[]> {
  const custom = await loadTransformModules(paths);
  const ids = new Set(builtinTransforms.map((t) => t.meta.id));
  for (const t of custom) {
    if (ids.has(t.meta.id))
      throw new TransformLoadError(`a transform with id "${t.meta.id}" is already loaded`);
    ids.add(t.meta.id);
  }
  return custom;
}

function listTransforms(all: readonly Transform[]): string {
  const rows = all.map((t) => [
    t.meta.id,
    t.meta.safety,
    t.meta.category,
    isEnabledByDefault(t.meta) ? 'on' : 'off',
    t.meta.title,
  ]);
  const header = ['id', 'safety', 'category', 'default', 'what it does'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ');
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
