/** The command line, defined with yargs. Unknown flags and bad values are errors (exit 2). */
import { resolve } from 'node:path';
import yargs from 'yargs';
import type { Settings } from '../core/context.js';
import { DEFAULT_MAX_BYTES, parseByteSize } from './files.js';
import { readVerifyOptions, withVerifyOptions, type VerifyCliOptions } from './verify-options.js';
import { FORMATS, type Format } from './report/index.js';
import { badFlagValue, describeYargsFailure, flagSpec, type YargsOptions } from './usage.js';

export interface CliOptions {
  paths: string[];
  write: boolean;
  check: boolean;
  listDifferent: boolean;
  print: boolean;
  only: string[];
  enable: string[];
  disable: string[];
  unsafe: boolean;
  listTransforms: boolean;
  stdinFilepath?: string;
  color: boolean;
  verbose: boolean;
  maxFileSize: number;
  /** Build context directory for every file (default: each Dockerfile's own directory). */
  context?: string;
  cacheStrategy: 'cleanup' | 'mounts';
  basePolicy: 'slim' | 'alpine' | 'distroless';
  /** Worker threads (`-j`); 1 with `--run-in-band`; undefined: decided from cores and file count. */
  jobs?: number;
  /** gitignore-style patterns of paths to leave out of directory searches and globs. */
  exclude: string[];
  format: Format;
  /** Write the report here instead of stdout. */
  output?: string;
  /** Custom transform modules (absolute paths). */
  transformModules: string[];
  /** `dockopt verify`, `--write --verify` and the build options that go with them. */
  verification: VerifyCliOptions;
  /** The settings given on the command line (they beat configuration files). */
  settingsGiven: Partial<Settings>;
  /** `--config FILE` (absolute), `false` for `--no-config`, undefined: search per file. */
  config?: string | false;
  /** `--progress` / `--no-progress`; undefined: a bar on a terminal for many files. */
  progress?: boolean;
  /** `--git-branch`: commit the changes of each repository on this new branch. */
  gitBranch?: string;
  gitMessage?: string;
}

export class UsageError extends Error {}

/** `--only a,b --only c` → ['a', 'b', 'c']. */
const idList = (value: unknown): string[] =>
  ([] as unknown[])
    .concat(value ?? [])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);

export function parseOptions(
  argv: string[],
  stdoutIsTTY: boolean,
  verifyCommand = false,
): CliOptions {
  let failure: string | null = null;
  const parser = withVerifyOptions(yargs(argv))
    .scriptName('dockopt')
    .usage(
      '$0 [paths..]\n$0 verify [paths..]   build each original and rewrite; compare them\n\nRewrite Dockerfiles for smaller images, fewer layers and faster rebuilds.\nPrints a unified diff by default; --write patches files in place.',
    )
    .option('write', {
      alias: 'w',
      type: 'boolean',
      default: false,
      description: 'Rewrite files in place (atomically; only files that change)',
    })
    .option('check', {
      type: 'boolean',
      default: false,
      description: 'Exit 1 if any file would change; say which and why',
    })
    .option('list-different', {
      alias: 'l',
      type: 'boolean',
      default: false,
      description: 'Print the names of files that would change; exit 1 if any',
    })
    .option('print', {
      type: 'boolean',
      default: false,
      description: 'Print the rewritten text to stdout',
    })
    .option('only', {
      type: 'string',
      description: 'Run only these transforms (comma-separated ids)',
    })
    .option('enable', { type: 'string', description: 'Also run these transforms' })
    .option('disable', { type: 'string', description: 'Do not run these transforms' })
    .option('unsafe', {
      type: 'boolean',
      default: false,
      description: 'Also run the unsafe transforms (may change what the build does)',
    })
    .option('list-transforms', {
      type: 'boolean',
      default: false,
      description: 'List the transforms and exit',
    })
    .option('stdin-filepath', {
      type: 'string',
      description: 'Name of the file read from stdin (-)',
    })
    .option('color', {
      type: 'boolean',
      description: 'Colour the diff (default: when stdout is a terminal)',
    })
    .option('verbose', {
      alias: 'v',
      type: 'boolean',
      default: false,
      description: 'Also show what was seen but not changed, and why',
    })
    .option('context', {
      type: 'string',
      description: "Build context directory (default: each Dockerfile's directory)",
    })
    .option('cache-strategy', {
      choices: ['cleanup', 'mounts'] as const,
      description:
        'Keep package caches out of layers by removing them (cleanup, the default) or with BuildKit cache mounts (mounts)',
    })
    .option('base-policy', {
      choices: ['slim', 'alpine', 'distroless'] as const,
      description: 'Which smaller base images base-image may switch to (default: slim)',
    })
    .option('max-file-size', {
      type: 'string',
      default: String(DEFAULT_MAX_BYTES),
      description: 'Refuse files larger than this: bytes, or with k, M, G (e.g. 50M)',
    })
    .option('jobs', {
      alias: 'j',
      type: 'number',
      description: 'Worker threads (default: one per core when there are many files)',
    })
    .option('exclude', {
      type: 'string',
      description: 'Leave out paths matching this pattern (gitignore syntax; repeatable)',
    })
    .option('progress', {
      type: 'boolean',
      description: 'Progress bar on stderr (default: on a terminal, for 50 files or more)',
    })
    .option('git-branch', {
      type: 'string',
      description:
        'With --write: per repository, create this branch from HEAD, write and commit there (never pushed); without: say what would be committed',
    })
    .option('git-message', {
      type: 'string',
      description: 'Commit message for --git-branch (default: transforms applied and savings)',
    })
    .option('config', {
      type: 'string',
      description: 'Use this configuration file for every file (--no-config: none)',
    })
    .option('transform', {
      type: 'string',
      description: 'Load a custom transform from this module (repeatable)',
    })
    .option('format', {
      alias: 'f',
      choices: FORMATS,
      default: 'text' as Format,
      description:
        'Report format: diffs and notes (text), json, sarif (code scanning), markdown (a PR description)',
    })
    .option('output', {
      alias: 'o',
      type: 'string',
      description: 'Write the report to this file instead of stdout',
    })
    .option('run-in-band', {
      type: 'boolean',
      default: false,
      description: 'Process every file in this process, one after another (same as -j 1)',
    })
    .strictOptions()
    .help()
    .version()
    .exitProcess(false)
    .fail((message, error) => {
      failure = message ?? error?.message ?? 'invalid arguments';
    });
  const parsed = parser.parseSync();
  // getOptions() is public in yargs but missing from its type definitions.
  const spec = flagSpec((parser as unknown as { getOptions(): YargsOptions }).getOptions());
  if (failure) throw new UsageError(describeYargsFailure(failure, spec));
  const badValue = badFlagValue(argv, spec);
  if (badValue) throw new UsageError(badValue);
  if (parsed.help || parsed.version) throw new HelpShown();

  const modes = ['check', 'print'].filter((m) => parsed[m]);
  if (modes.length > 1 || (modes.length === 1 && (parsed.write || parsed['list-different']))) {
    throw new UsageError(
      `choose one of --write, --check, --list-different, --print (got ${[
        'write',
        'check',
        'list-different',
        'print',
      ]
        .filter((m) => parsed[m])
        .map((m) => `--${m}`)
        .join(', ')})`,
    );
  }
  if (parsed.format !== 'text' && (parsed.print || parsed['list-different']))
    throw new UsageError(
      `--format ${parsed.format} reports on the files; it does not go with --${parsed.print ? 'print' : 'list-different'}`,
    );
  if (parsed['git-message'] !== undefined && !parsed['git-branch'])
    throw new UsageError('--git-message goes with --git-branch');
  if (parsed['git-branch'] !== undefined) {
    const branch = String(parsed['git-branch']);
    if (parsed.check || parsed.print || parsed['list-different'])
      throw new UsageError('--git-branch goes with --write (or alone, for a dry run)');
    if (!/^(?!-)(?!.*\.\.)(?!.*\/\/)[\w./-]+(?<![./])$/.test(branch) || branch.endsWith('.lock'))
      throw new UsageError(`--git-branch: "${branch}" is not a valid branch name`);
  }
  const maxFileSize = parseByteSize(String(parsed['max-file-size']));
  if (maxFileSize === null)
    throw new UsageError(
      `--max-file-size: expected a size such as 1048576, 512k or 50M, got "${parsed['max-file-size']}"`,
    );
  const jobs = parsed['run-in-band'] ? 1 : parsed.jobs;
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError('--jobs must be a whole number of worker threads, 1 or more');
  const paths = parsed._.map(String);
  if (paths.length === 0 && !parsed['list-transforms'])
    throw new UsageError('no paths given (a file, a directory, or - for stdin); see --help');
  const verification = readVerifyOptions(parsed, verifyCommand, paths);
  if (typeof verification === 'string') throw new UsageError(verification);

  return {
    paths,
    write: parsed.write,
    check: parsed.check,
    listDifferent: parsed['list-different'],
    print: parsed.print,
    only: idList(parsed.only),
    enable: idList(parsed.enable),
    disable: idList(parsed.disable),
    unsafe: parsed.unsafe,
    listTransforms: parsed['list-transforms'],
    stdinFilepath: parsed['stdin-filepath'],
    color: parsed.color ?? (stdoutIsTTY && !parsed.output && !process.env.NO_COLOR),
    verbose: parsed.verbose,
    maxFileSize,
    context: parsed.context,
    cacheStrategy: parsed['cache-strategy'] ?? 'cleanup',
    basePolicy: parsed['base-policy'] ?? 'slim',
    settingsGiven: {
      ...(parsed['cache-strategy'] ? { cacheStrategy: parsed['cache-strategy'] } : {}),
      ...(parsed['base-policy'] ? { basePolicy: parsed['base-policy'] } : {}),
    },
    progress: parsed.progress,
    gitBranch: parsed['git-branch'],
    gitMessage: parsed['git-message'],
    // yargs turns --no-config into `config: false`, whatever the declared type.
    config:
      (parsed.config as unknown) === false
        ? false
        : parsed.config
          ? resolve(String(parsed.config))
          : undefined,
    jobs,
    exclude: ([] as unknown[])
      .concat(parsed.exclude ?? [])
      .map(String)
      .filter(Boolean),
    format: parsed.format,
    output: parsed.output,
    transformModules: ([] as unknown[])
      .concat(parsed.transform ?? [])
      .map((p) => resolve(String(p))),
    verification,
  };
}

/** yargs printed --help or --version: exit 0. */
export class HelpShown extends Error {}
