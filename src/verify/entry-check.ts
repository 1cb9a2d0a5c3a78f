/**
 * The check a build-informed rewrite must pass when the user gave no `--smoke` command: one that an
 * empty or broken runtime image cannot pass. Run in the rewrite's image, with what a build of the
 * original told about its entry point (`StageFacts.entry`), and without a shell (the runtime may be
 * distroless):
 *
 *   1. the loader check, for a dynamic ELF program (or a script's dynamic ELF interpreter):
 *      `<PT_INTERP> --list <program>`, as the image's user. It fails on a non-zero exit (the loader
 *      or the program is missing) or a library `not found`.
 *   2. the start check: the entry point's argv, as the image's user, in its WORKDIR and ENV, for at
 *      most `startTimeoutMs`. It fails on exit 126 or 127, when the container cannot be started at
 *      all, or on output that says the program could not be loaded (see LOAD_ERRORS). Any other
 *      exit, or still running at the timeout, passes: the program started.
 */
import { logTail } from '../builder/process.js';
import type { Builder, ExecResult } from '../builder/types.js';
import type { ElfProgram, EntryFacts, ProgramFacts, StageFacts } from '../core/build-facts.js';

export interface CheckOutcome {
  ok: boolean;
  /** Which check decided: `loader` or `start`. */
  check: 'loader' | 'start';
  /** The argv run in the image. */
  argv: string[];
  /** What it did: `exit 127`, `still running after 10 s`, `libz.so.1 => not found`... */
  detail: string;
  /** The end of its output. */
  output: string;
}

/** Runs a check in an image; `ok` when every part of it passed (the last outcome is returned). */
export type ImageCheck = (builder: Builder, ref: string) => Promise<CheckOutcome>;

export interface EntryCheckOptions {
  /** How long the entry point must run without failing (default 10 s). */
  startTimeoutMs?: number;
  /** The loader's `--list` must finish within this (default 60 s). */
  loaderTimeoutMs?: number;
}

export const DEFAULT_START_TIMEOUT_MS = 10_000;
const DEFAULT_LOADER_TIMEOUT_MS = 60_000;

/** Output that means the program did not get to run (its loader, the runtime, the kernel said so). */
const LOAD_ERRORS: readonly RegExp[] = [
  /error while loading shared libraries/, // glibc's loader
  /Error loading shared library/, // musl's
  /Error relocating .*not found/, // musl: a symbol missing
  /symbol lookup error/, // glibc: a symbol missing
  /exec format error/i, // the kernel: wrong architecture, or a script without #!
  /exec user process caused/, // runc
  /process failed to start/, // buildah run
  /executable file not found/, // docker and podman: argv[0] not on PATH
  /(: |=> )not found\s*$/m, // a shell's `sh: app: not found`; the loader's `libx.so => not found`
];

/**
 * The default check for a rewrite, from the facts of the original stage; a reason instead when
 * those facts say too little to check anything (no entry point known).
 */
export function entryCheck(
  facts: StageFacts,
  options: EntryCheckOptions = {},
): ImageCheck | { cannot: string } {
  const entry = facts.entry;
  if (!entry || entry.argv.length === 0)
    return { cannot: 'the build told nothing about an entry point to start' };
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const loaderTimeoutMs = options.loaderTimeoutMs ?? DEFAULT_LOADER_TIMEOUT_MS;
  const linked = dynamicElf(entry.program);
  return async (builder, ref) => {
    if (linked) {
      const argv = [linked.elf.interpreter!, '--list', linked.path];
      const outcome = loaderOutcome(
        argv,
        await builder.exec(ref, argv, { timeoutMs: loaderTimeoutMs }),
      );
      if (!outcome.ok) return outcome;
    }
    const argv = [...entry.argv];
    return startOutcome(
      argv,
      await builder.exec(ref, argv, { timeoutMs: startTimeoutMs }),
      startTimeoutMs,
      namesOf(entry),
    );
  };
}

/** The dynamic ELF file whose link closure decides whether the entry point can start. */
function dynamicElf(program: ProgramFacts): ElfProgram | null {
  const elf = program.kind === 'script' ? program.interpreter : program;
  if (elf?.kind !== 'elf' || elf.elf.linkage !== 'dynamic' || !elf.elf.interpreter) return null;
  return elf;
}

export function loaderOutcome(argv: string[], result: ExecResult): CheckOutcome {
  const output = `${result.stdout}${result.stderr}`;
  const base = { check: 'loader' as const, argv, output: logTail(output, 10) };
  const missing = output.split('\n').find((line) => /=>\s*not found/.test(line));
  if (result.timedOut) return { ...base, ok: false, detail: 'the loader did not finish' };
  if (result.code === null)
    return { ...base, ok: false, detail: result.spawnError ?? 'it could not be run' };
  if (result.code !== 0) return { ...base, ok: false, detail: `exit ${result.code}` };
  if (missing) return { ...base, ok: false, detail: missing.trim() };
  return { ...base, ok: true, detail: 'every library found' };
}

export function startOutcome(
  argv: string[],
  result: ExecResult,
  timeoutMs: number,
  names: readonly string[] = [argv[0]],
): CheckOutcome {
  const output = `${result.stdout}${result.stderr}`;
  const base = { check: 'start' as const, argv, output: logTail(output, 10) };
  const loadError = loadErrorIn(output, names);
  if (loadError) return { ...base, ok: false, detail: `it could not be loaded: ${loadError}` };
  if (result.timedOut)
    return { ...base, ok: true, detail: `still running after ${timeoutMs / 1000} s` };
  if (result.code === null)
    return { ...base, ok: false, detail: result.spawnError ?? 'the container could not be run' };
  if (result.code === 126 || result.code === 127)
    return { ...base, ok: false, detail: `exit ${result.code} (not executable, or not found)` };
  return { ...base, ok: true, detail: `exit ${result.code}` };
}

/** The first line of `output` that says the program could not be loaded, or null. */
export function loadErrorIn(output: string, names: readonly string[]): string | null {
  for (const line of output.split('\n')) {
    if (LOAD_ERRORS.some((pattern) => pattern.test(line))) return line.trim();
    // `exec /app: no such file or directory`, `/usr/bin/env: 'python3': No such file or directory`
    if (
      /no such file or directory/i.test(line) &&
      (/\bexec\b/.test(line) || names.some((name) => mentions(line, name)))
    )
      return line.trim();
  }
  return null;
}

/**
 * The name or path as a word of its own, not inside a longer path: `/app/config.yaml: No such file
 * or directory` is the program's own complaint, and it started.
 */
function mentions(line: string, name: string): boolean {
  if (!name) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s'"\`:])${escaped}($|[\\s'"\`:])`).test(line);
}

/** argv[0], the paths it resolved to, and a script's interpreter: what a load error would name. */
function namesOf(entry: EntryFacts): string[] {
  const names = new Set<string>([entry.argv[0]]);
  const add = (program: ProgramFacts | null) => {
    if (!program) return;
    if (program.kind === 'missing') names.add(program.name);
    else {
      names.add(program.path);
      names.add(program.resolved);
      names.add(program.path.slice(program.path.lastIndexOf('/') + 1));
    }
    if (program.kind === 'script') {
      add(program.interpreter);
      for (const word of program.shebang.split(/\s+/)) if (/^[^-]/.test(word)) names.add(word);
    }
  };
  add(entry.program);
  return [...names];
}

/** One line for messages: which check, what it ran, what happened. */
export function describeOutcome(outcome: CheckOutcome): string {
  const what =
    outcome.check === 'loader'
      ? `the loader check (${outcome.argv.join(' ')})`
      : `the start check (${outcome.argv.join(' ')})`;
  const tail = outcome.output ? `:\n${outcome.output}` : '';
  return `${what} ${outcome.ok ? 'passed' : 'failed'}: ${outcome.detail}${outcome.ok ? '' : tail}`;
}
