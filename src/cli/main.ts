/**
 * `dockopt [paths..]`: discover files, run the engine on each, and show, check or write the result.
 * Exit codes: 0 done or nothing to do; 1 changes found in --check / --list-different mode;
 * 2 any error (bad option, unreadable or invalid file, internal error). One bad file never stops
 * the others.
 */
import { readFileSync } from 'node:fs';
import { SelectionError, selectTransforms } from '../core/selection.js';
import { isEnabledByDefault } from '../core/transform.js';
import { builtinTransforms } from '../../transforms/index.js';
import { removePendingTemps } from './files.js';
import { HelpShown, parseOptions, UsageError, type CliOptions } from './options.js';
import { run } from './run.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  stdoutIsTTY: boolean;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv, io.stdoutIsTTY);
    selectTransforms(builtinTransforms, options);
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    if (error instanceof UsageError || error instanceof SelectionError) {
      io.stderr(`dockopt: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.listTransforms) {
    io.stdout(listTransforms());
    return 0;
  }
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemps();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run(options, io);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

function listTransforms(): string {
  const rows = builtinTransforms.map((t) => [
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
