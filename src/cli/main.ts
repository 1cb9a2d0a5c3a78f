/**
 * `dockopt [paths..]`: discover files, run the engine on each, and show, check or write the result.
 * Exit codes: 0 done or nothing to do; 1 changes found in --check / --list-different mode;
 * 2 any error (bad option, unreadable or invalid file, internal error). One bad file never stops
 * the others.
 */
import { isEnabledByDefault, type Transform } from '../core/transform.js';
import { builtinTransforms } from '../../transforms/index.js';
import { loadTransformModules, TransformLoadError } from './custom-transforms.js';
import { removePendingTemps } from './files.js';
import { HelpShown, parseOptions, UsageError, type CliOptions } from './options.js';
import { processIo, type Io } from './io.js';
import { run } from './run.js';

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
