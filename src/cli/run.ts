/**
 * One run over the command line's paths: discover the files, work out each one's settings, process
 * them (in this process or on workers), write them when asked, and report, in input order.
 * Returns the exit code.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { SelectionError } from '../core/selection.js';
import type { Transform } from '../core/transform.js';
import { ConfigError } from './config/schema.js';
import { discover } from './discover.js';
import type { Io } from './io.js';
import type { CliOptions } from './options.js';
import { displayPath } from './output.js';
import { Planner, type PlannedTask } from './plan.js';
import { errorResult, type FileResult } from './process-file.js';
import { createReporter } from './report/index.js';
import { migrate, type RepoResult } from './git-migrate.js';
import { startProgress, wantsProgress } from './progress.js';
import { runFiles } from './runner.js';
import { addToTotals, emptyTotals } from './totals.js';
import { claimContextFiles, writeResult } from './write-result.js';
import { runVerifyCommand, VerifySession } from './verify.js';
import { BuildSession } from './build.js';
import { BuilderLookup } from './builder-lookup.js';

export async function run(
  options: CliOptions,
  io: Io,
  transforms: readonly Transform[],
): Promise<number> {
  const usesStdin = options.paths.includes('-');
  if (usesStdin && options.write) {
    io.stderr('dockopt: cannot --write stdin; use --print to get the rewritten text\n');
    return 2;
  }
  const { targets, errors } = discover(
    options.paths.filter((p) => p !== '-'),
    { exclude: options.exclude },
  );
  const planner = new Planner(options, transforms);
  const tasks: PlannedTask[] = [];
  try {
    if (usesStdin) {
      const task = await planner.plan({ path: '-', explicit: true, repo: null }, io.readStdin());
      if (task) tasks.push(task);
    }
    for (const target of targets) {
      const task = await planner.plan(target);
      if (task) tasks.push(task);
    }
  } catch (error) {
    if (error instanceof ConfigError)
      io.stderr(`dockopt: ${displayPath(error.file)}: ${error.message}\n`);
    else if (error instanceof SelectionError) io.stderr(`dockopt: ${error.message}\n`);
    else throw error;
    return 2;
  }
  if (options.verification.command && !options.write)
    return runVerifyCommand(tasks, errors, options, io);

  let reportFd: number | null = null;
  if (options.output) {
    try {
      reportFd = openSync(options.output, 'w');
    } catch (error) {
      io.stderr(
        `dockopt: cannot write the report to ${options.output}: ${(error as Error).message}\n`,
      );
      return 2;
    }
  }
  const progress =
    io.progressStream && wantsProgress(options.progress, true, tasks.length)
      ? startProgress(tasks.length, io.progressStream)
      : null;
  try {
    const reporter = createReporter(options.format, {
      mode: {
        write: options.write,
        check: options.check,
        list: options.listDifferent,
        print: options.print,
      },
      verbose: options.verbose,
      color: options.color,
      out: reportFd === null ? io.stdout : (text) => void writeSync(reportFd!, text),
      err: (text) => (progress ? progress.log(text) : io.stderr(text)),
      transforms: planner.allTransforms().map((t) => t.meta),
    });
    const totals = emptyTotals();
    const report = (result: FileResult) => {
      addToTotals(totals, result);
      reporter.file(result);
    };
    for (const error of errors) report(errorResult(error.path, error.message));

    // One builder for the run, whoever needs it first; --verify looks for it before anything else.
    const lookup = new BuilderLookup(options.verification.builder, io);
    const verifying = options.verification.verify || options.verification.command;
    const verifier =
      options.write && verifying
        ? await VerifySession.start(options, io, lookup)
        : options.write && options.verification.build
          ? VerifySession.lazy(options, io, lookup)
          : null;
    if (typeof verifier === 'string') {
      io.stderr(`dockopt: ${verifier}\n`);
      return 2;
    }
    const builds = options.verification.build ? new BuildSession(lookup, options, io) : null;
    const settingsOf = new Map(tasks.map((task) => [task.path, task.settings]));

    // One proposal per file of a build context, whichever Dockerfiles share it.
    const claimed = new Map<string, string>();
    // With --git-branch, results wait until every repository's changes are known.
    const held: RepoResult[] = [];
    let index = 0;
    await runFiles(tasks, { jobs: options.jobs }, async (processed) => {
      const repo = tasks[index++].repo;
      progress?.done(processed);
      const settings = settingsOf.get(processed.path)!;
      let settled = { result: processed, verified: false };
      if (builds)
        settled = await builds.settle(
          await builds.learn(processed, settings),
          settings,
          verifier,
          options.write,
        );
      // A build-informed rewrite that passed its check was built already.
      const repaired =
        options.write && verifying && verifier && !settled.verified
          ? await verifier.repair(settled.result, settings)
          : settled.result;
      const result = claimContextFiles(repaired, claimed);
      if (options.gitBranch) held.push({ result, repo });
      else report(options.write ? writeResult(result) : result);
    });
    progress?.stop();
    if (options.gitBranch) {
      const git = { branch: options.gitBranch, message: options.gitMessage, write: options.write };
      for (const result of migrate(held, git, (line) => io.stderr(`${line}\n`))) report(result);
    }

    reporter.end(totals);
    if (verifier) io.stderr(verifier.table());
    if (totals.errors > 0) return 2;
    if (verifier?.rolledBack || builds?.rolledBack) return 1;
    if ((options.check || (options.listDifferent && !options.write)) && totals.changed > 0)
      return 1;
    return 0;
  } finally {
    progress?.stop();
    if (reportFd !== null) closeSync(reportFd);
  }
}
