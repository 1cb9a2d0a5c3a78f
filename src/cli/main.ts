/**
 * `dockopt [paths..]`: discover files, run the engine on each, and show, check or write the result.
 * Exit codes: 0 done or nothing to do; 1 changes found in --check / --list-different mode;
 * 2 any error (bad option, unreadable or invalid file, internal error). One bad file never stops
 * the others.
 */
import { readFileSync } from 'node:fs';
import { initialize, optimizeSync } from '../api.js';
import { SelectionError, selectTransforms } from '../core/selection.js';
import { SourceError } from '../core/source.js';
import { isEnabledByDefault } from '../core/transform.js';
import { NotADockerfileError } from '../core/engine.js';
import { builtinTransforms } from '../../transforms/index.js';
import { contextRootFor, fsBuildContext } from './context.js';
import { discover } from './discover.js';
import {
  FileError,
  readDockerfile,
  removePendingTemps,
  writeAtomically,
  type ReadFile,
} from './files.js';
import { HelpShown, parseOptions, UsageError, type CliOptions } from './options.js';
import { displayPath, findingLine, summaryLine, unifiedDiff, type Totals } from './output.js';

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
  await initialize();
  const onSignal = (signal: NodeJS.Signals) => {
    removePendingTemps();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return run(options, io);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

function run(options: CliOptions, io: Io): number {
  const totals: Totals = { changed: 0, unchanged: 0, skipped: 0, errors: 0, estimatedBytes: 0 };
  const fail = (path: string, message: string) => {
    totals.errors++;
    io.stderr(`dockopt: ${displayPath(path)}: ${message}\n`);
  };
  const usesStdin = options.paths.includes('-');
  if (usesStdin && options.write) {
    io.stderr('dockopt: cannot --write stdin; use --print to get the rewritten text\n');
    return 2;
  }
  const { targets, errors } = discover(options.paths.filter((p) => p !== '-'));
  const all = usesStdin ? [{ path: '-', explicit: true }, ...targets] : targets;
  for (const error of errors) fail(error.path, error.message);

  for (const target of all) {
    const name = target.path === '-' ? (options.stdinFilepath ?? '<stdin>') : target.path;
    let file: ReadFile | null = null;
    let text: string;
    try {
      if (target.path === '-') text = io.readStdin();
      else text = (file = readDockerfile(target.path, options.maxFileSize)).text;
    } catch (error) {
      fail(name, error instanceof FileError ? error.message : String(error));
      continue;
    }
    let result;
    try {
      const contextRoot =
        target.path === '-' ? options.context : contextRootFor(target.path, options.context);
      result = optimizeSync(text, {
        ...options,
        filename: name,
        settings: { cacheStrategy: options.cacheStrategy, basePolicy: options.basePolicy },
        buildContext: contextRoot
          ? fsBuildContext(contextRoot, target.path === '-' ? null : target.path)
          : null,
      });
    } catch (error) {
      if (error instanceof SourceError || error instanceof NotADockerfileError)
        fail(name, error.message);
      else fail(name, `internal error: ${(error as Error).stack ?? error}`);
      continue;
    }
    for (const error of result.errors)
      fail(name, `${error.transform ? `${error.transform}: ` : ''}${error.message}`);
    if (result.skipped) {
      totals.skipped++;
      if (options.verbose) io.stderr(`${displayPath(name)}: skipped: ${result.skipped}\n`);
      if (options.print) io.stdout(result.output);
      continue;
    }
    const shown = result.findings.filter((f) => f.status === 'fixed' || options.verbose);
    if (options.print) io.stdout(result.output);
    if (!result.changed) {
      totals.unchanged++;
      for (const finding of shown) io.stderr(`${findingLine(name, finding)}\n`);
      continue;
    }
    totals.changed++;
    totals.estimatedBytes += result.findings.reduce(
      (sum, f) => sum + (f.status === 'fixed' ? (f.estimate?.bytes ?? 0) : 0),
      0,
    );
    if (options.write && file) {
      try {
        writeAtomically(target.path, result.output, file);
      } catch (error) {
        totals.changed--;
        fail(name, error instanceof FileError ? error.message : String(error));
        continue;
      }
    }
    if (options.listDifferent) io.stdout(`${displayPath(name)}\n`);
    else if (!options.write && !options.check && !options.print)
      io.stdout(unifiedDiff(name, text, result.output, options.color));
    if (!options.listDifferent)
      for (const finding of shown) io.stderr(`${findingLine(name, finding)}\n`);
  }

  const verb = options.write
    ? 'written'
    : options.check || options.listDifferent
      ? 'would change'
      : 'changed';
  if (!options.listDifferent && !options.print) io.stderr(`${summaryLine(totals, verb)}\n`);
  if (totals.errors > 0) return 2;
  if ((options.check || (options.listDifferent && !options.write)) && totals.changed > 0) return 1;
  return 0;
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
