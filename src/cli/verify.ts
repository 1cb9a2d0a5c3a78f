/**
 * `dockopt verify [paths]` and `dockopt --write --verify`: the command-line side of building
 * rewrites for real (the work itself is in src/verify and src/builder).
 *
 * One session per run: it finds the builder once, verifies changed files one at a time (builds
 * share the machine; running them side by side only makes each slower), keeps a row per file for
 * the table printed at the end, and remembers whether anything had to be rolled back. Each file is
 * verified with its own settings (configuration files included): the bisection re-runs dockopt on
 * it with subsets of the transforms that changed it, everything else unchanged.
 */
import { TempNames } from '../builder/temp-images.js';
import type { Builder } from '../builder/types.js';
import type { ImageCheck } from '../verify/entry-check.js';
import type { BuildSettings } from '../verify/measure.js';
import type { Rewrite } from '../verify/measure.js';
import { verifyFile, type FileVerification } from '../verify/verify-file.js';
import { contextRootFor } from '../fs/build-context.js';
import { BuildSession, type InformedVerifier } from './build.js';
import { BuilderLookup } from './builder-lookup.js';
import type { Io } from './io.js';
import type { CliOptions } from './options.js';
import { displayPath, findingLine } from './output.js';
import {
  errorResult,
  processFile,
  type FileResult,
  type FileSettings,
  type FileTask,
} from './process-file.js';
import { runFiles } from './runner.js';
import { verifyTable, type VerifyRow } from './verify-table.js';

export class VerifySession implements InformedVerifier {
  private readonly rows: VerifyRow[] = [];
  private readonly names = new TempNames();
  /** A rewrite (or part of one) was not applied because it did not build. */
  rolledBack = false;
  /** `dockopt verify`: rewrites that did not build, or whose smoke command disagreed. */
  failures = 0;

  private constructor(
    private readonly lookup: BuilderLookup,
    private readonly options: CliOptions,
    private readonly io: Io,
  ) {}

  /** Finds the builder first (`--verify`, `dockopt verify`); a message instead when none works. */
  static async start(
    options: CliOptions,
    io: Io,
    lookup = new BuilderLookup(options.verification.builder, io),
  ): Promise<VerifySession | string> {
    const builder = await lookup.find('verifying');
    return typeof builder === 'string' ? builder : new VerifySession(lookup, options, io);
  }

  /** Looks for the builder when something is first built (`--write --build` alone). */
  static lazy(options: CliOptions, io: Io, lookup: BuilderLookup): VerifySession {
    return new VerifySession(lookup, options, io);
  }

  /** `dockopt verify`: builds the original and the rewrite of a changed file, and records them. */
  async check(result: FileResult, settings: FileSettings): Promise<FileResult> {
    if (result.status !== 'changed') return result;
    const verification = await this.verify(result, settings, false);
    if (typeof verification === 'string') return withError(result, verification);
    this.record(result, verification, []);
    if (verification.status === 'original-failed')
      return { ...result, status: 'error', errors: [...result.errors, verification.reason!] };
    if (verification.status !== 'ok') {
      this.failures++;
      this.note(result, verification.reason!);
    }
    return result;
  }

  /**
   * `--write --verify`: the result to write. As it is when its rewrite works; else the rewrite
   * without the transforms that broke it (found by bisection); else nothing (unchanged).
   */
  async repair(result: FileResult, settings: FileSettings): Promise<FileResult> {
    if (result.status !== 'changed') return result;
    const subsets = new Map<string, FileResult>();
    const verification = await this.verify(result, settings, true, subsets);
    if (typeof verification === 'string') return withError(result, verification);
    const culprits = verification.culprits ?? [];
    this.record(
      result,
      verification,
      culprits.map((c) => c.transform),
    );
    if (verification.status === 'original-failed')
      return { ...result, status: 'error', errors: [...result.errors, verification.reason!] };
    if (verification.status === 'ok') return result;

    this.rolledBack = true;
    if (culprits.length === 0) this.note(result, verification.reason!);
    for (const culprit of culprits)
      this.note(result, `not applied: ${culprit.transform} breaks the build: ${culprit.reason}`);
    const kept = verification.output ? subsets.get(rewriteKey(verification.output)) : undefined;
    if (!kept) {
      const unfixed = result.findings.filter((f) => f.status !== 'fixed');
      const { output: _output, diff: _diff, files: _files, ...rest } = result;
      return { ...rest, status: 'unchanged', findings: unfixed, estimatedBytes: 0 };
    }
    return { ...kept, path: result.path, name: result.name, file: result.file };
  }

  /**
   * A rewrite made with build facts (`--build`): built with the original, and checked with the
   * user's smoke command or `check` (the default check). No bisection: what fails is the rewrite
   * that rests on the facts, and the caller falls back to the run without them.
   */
  async checkInformed(
    result: FileResult,
    settings: FileSettings,
    how: { smoke: string } | { check: ImageCheck },
  ): Promise<{ status: string; reason?: string }> {
    const verification = await this.verify(result, settings, false, undefined, how);
    if (typeof verification === 'string') return { status: 'cannot', reason: verification };
    this.record(result, verification, []);
    return verification;
  }

  /** The table of everything built, for the end of the run (empty when nothing was built). */
  table(): string {
    return this.rows.length > 0 ? verifyTable(this.rows) : '';
  }

  /**
   * Builds and compares; `how` replaces the smoke command (a build-informed rewrite's check). A
   * message instead when no builder works (only a lazily started session can get there).
   */
  private async verify(
    result: FileResult,
    settings: FileSettings,
    repair: boolean,
    subsets = new Map<string, FileResult>(),
    how?: { smoke: string } | { check: ImageCheck },
  ): Promise<FileVerification | string> {
    const builder: Builder | string = await this.lookup.find('verifying');
    if (typeof builder === 'string') return builder;
    const name = displayPath(result.name);
    const verification = this.options.verification;
    const build: BuildSettings = {
      builder,
      names: this.names,
      context: contextRootFor(result.path, this.options.context),
      target: verification.target,
      buildArgs: verification.buildArgs,
      ...(how ? how : { smoke: verification.smoke }),
      compressed: verification.compressed,
      onOutput: this.options.verbose ? (chunk) => this.io.stderr(chunk) : undefined,
    };
    const changedBy = [
      ...new Set(result.findings.filter((f) => f.status === 'fixed').map((f) => f.transform)),
    ];
    return verifyFile(
      {
        path: result.path,
        original: result.original!,
        rewrite: rewriteOf(result),
        changedBy,
        rewriteWith: async (ids) => {
          const subset = await processFile({
            path: result.path,
            name: result.name,
            stdinText: result.original!,
            settings: { ...settings, only: ids, enable: [], disable: [], diff: false },
          });
          const rewrite = rewriteOf(subset);
          subsets.set(rewriteKey(rewrite), subset);
          return rewrite;
        },
      },
      build,
      {
        repair,
        onProgress: (message) => this.io.stderr(`dockopt: ${name}: ${message}\n`),
      },
    );
  }

  private record(result: FileResult, verification: FileVerification, rolledBack: string[]): void {
    this.rows.push({
      name: result.name,
      status: verification.status,
      before: verification.before,
      after: rolledBack.length > 0 ? verification.keptBuild : verification.after,
      rolledBack,
    });
  }

  private note(result: FileResult, message: string): void {
    this.io.stderr(`dockopt: ${displayPath(result.name)}: ${message}\n`);
  }
}

function withError(result: FileResult, message: string): FileResult {
  return { ...result, errors: [...result.errors, message] };
}

/** What a processed file changes, as the builds see it: the Dockerfile and its ignore file. */
function rewriteOf(result: FileResult): Rewrite {
  const ignore = result.files?.find((f) => f.path.endsWith('.dockerignore'));
  return {
    dockerfile: result.output ?? result.original!,
    dockerignore: ignore ? ignore.after : null,
  };
}

function rewriteKey(rewrite: Rewrite): string {
  return `${rewrite.dockerfile}\0${rewrite.dockerignore ?? ''}`;
}

/**
 * `dockopt verify [paths]`: exit 0 when every rewrite works, 1 when one does not, 2 on errors.
 * With `--build`, a rewrite made with build facts is the one built, under its check.
 */
export async function runVerifyCommand(
  tasks: readonly FileTask[],
  discoveryErrors: readonly { path: string; message: string }[],
  options: CliOptions,
  io: Io,
): Promise<number> {
  const lookup = new BuilderLookup(options.verification.builder, io);
  const session = await VerifySession.start(options, io, lookup);
  if (typeof session === 'string') {
    io.stderr(`dockopt: ${session}\n`);
    return 2;
  }
  const builds = options.verification.build ? new BuildSession(lookup, options, io) : null;
  let errors = 0;
  let changed = 0;
  let unchanged = 0;
  const show = (result: FileResult) => {
    for (const message of result.errors) {
      errors++;
      io.stderr(`dockopt: ${displayPath(result.name)}: ${message}\n`);
    }
  };
  for (const error of discoveryErrors) show(errorResult(error.path, error.message));
  const settingsOf = new Map(tasks.map((task) => [task.path, task.settings]));
  await runFiles(tasks, { jobs: 1 }, async (processed) => {
    const settings = settingsOf.get(processed.path)!;
    const learned = builds ? await builds.learn(processed, settings) : null;
    const result = learned?.result ?? processed;
    if (result.status === 'changed') {
      changed++;
      for (const finding of result.findings.filter((f) => f.status === 'fixed' || options.verbose))
        io.stderr(`${findingLine(result.name, finding)}\n`);
      if (learned?.informed) {
        // settle says why a failed rewrite failed; an original that does not build is an error.
        const settled = await builds!.settle(learned, settings, session, false);
        const originalFailed = settled.failed?.status === 'original-failed';
        if (settled.failed && !originalFailed) session.failures++;
        show(originalFailed ? withError(result, 'the original does not build') : result);
      } else show(await session.check(result, settings));
    } else {
      if (result.status === 'unchanged') unchanged++;
      show(result);
    }
  });
  io.stdout(session.table());
  io.stderr(
    `${changed} built, ${unchanged} unchanged (not built), ${session.failures} failed, ${errors} error${errors === 1 ? '' : 's'}\n`,
  );
  if (errors > 0) return 2;
  return session.failures > 0 ? 1 : 0;
}
