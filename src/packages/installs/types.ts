/**
 * What a dependency-install command reads and writes, as the copy-order transforms need to know it
 * to run the install before the rest of the source is copied in.
 *
 * Paths are relative to the install's project directory (the directory it works in), `/`-separated.
 */
import type { SimpleCommand, Word } from '../../shell/query.js';

/** A file or directory the install reads. */
export interface InstallInput {
  path: string;
  /** Without it the install fails or does something else: it must be in the build context. */
  required: boolean;
  /** A directory, copied whole (with its own COPY, so its contents keep their place). */
  dir?: boolean;
}

/** The project's files, as the build context has them where the broad COPY takes them from. */
export interface ProjectFiles {
  /** The file is in the context and not excluded by .dockerignore (what the COPY would copy). */
  copied(path: string): boolean;
  isDirectory(path: string): boolean;
  readText(path: string): string | null;
  list(path: string): string[];
}

/** What an install needs beyond its static inputs, or why it cannot be moved. */
export type Inspection =
  | {
      ok: true;
      inputs: InstallInput[];
      /** Replaces `Install.after` once the project's files are known. */
      after?: string;
      /** Outputs found in the project's files (e.g. `obj` of each project of a solution). */
      outputs?: string[];
    }
  | { ok: false; reason: string };

export interface Install {
  /** `npm`, `pip`, `go`...: for messages. */
  tool: string;
  cmd: SimpleCommand;
  /** The project directory, relative to the command's working directory ('' for itself). */
  project: string;
  /** Inputs known from the command alone. */
  inputs: InstallInput[];
  /** What it writes inside the project: a copy of the source must not bring these along. */
  outputs: string[];
  /** Reads the project files (when the build context is known): more inputs, or a refusal. */
  inspect?(files: ProjectFiles): Inspection;
  /** Text inserted at the end of the command (e.g. composer's ` --no-scripts --no-autoloader`). */
  append?: string;
  /** A command to run once the source is in place, before what followed (`composer dump-autoload`). */
  after?: string;
  /**
   * Set for a build command that fetches dependencies as it builds (`go build`): the command to
   * fetch them (`go mod download`), run before the source is copied; the build itself stays.
   */
  fetch?: string;
  /** With `fetch`: run right before the build command, once the source is in place. */
  beforeBuild?: string;
  /** Why the rewrite can never be proven equal (the Cargo stub): only the unsafe transform does it. */
  unsafe?: string;
}

/** How one command of a RUN relates to the project source. */
export type Classified =
  | { kind: 'install'; install: Install }
  /**
   * Does not read the project source: configures a tool, installs a global tool, cleans a cache.
   * `touches`: paths it writes or removes, which must lie outside the copied source.
   */
  | { kind: 'setup'; touches?: string[] }
  /** An install that needs the source (`pip install .`, `npm install <pkg>`): cannot move. */
  | { kind: 'refused'; reason: string }
  | { kind: 'other' };

/** Arguments split into options and positionals, given which options take a separate value. */
export interface ParsedArgs {
  /** Option words (with their separate values following them in `values`). */
  options: Map<string, (string | null)[]>;
  positionals: Word[];
  /** Some word expands at run time: nothing can be said for sure. */
  dynamic: boolean;
}

export function parseArgs(words: readonly Word[], withValue: ReadonlySet<string>): ParsedArgs {
  const options = new Map<string, (string | null)[]>();
  const positionals: Word[] = [];
  let dynamic = false;
  const add = (name: string, value: string | null) =>
    options.set(name, [...(options.get(name) ?? []), value]);
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === null) {
      dynamic = true;
      continue;
    }
    if (value === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (value.startsWith('-') && value !== '-') {
      const eq = value.indexOf('=');
      if (value.startsWith('--') && eq > 0) add(value.slice(0, eq), value.slice(eq + 1));
      else if (withValue.has(value)) {
        const next = words[i + 1];
        if (next && next.value === null) dynamic = true;
        add(value, next?.value ?? null);
        i++;
      } else add(value, null);
      continue;
    }
    positionals.push(words[i]);
  }
  return { options, positionals, dynamic };
}

export function hasAny(args: ParsedArgs, ...names: string[]): boolean {
  return names.some((n) => args.options.has(n));
}

/** The last value given to any of these options. */
export function valueOf(args: ParsedArgs, ...names: string[]): string | null {
  let found: string | null = null;
  for (const n of names) {
    const values = args.options.get(n);
    if (values?.length) found = values[values.length - 1];
  }
  return found;
}

/** A word that names a path rather than a package (`.`, `./lib`, `/src`, `x.whl`). */
export function looksLikePath(value: string): boolean {
  return (
    value === '.' ||
    value.startsWith('./') ||
    value.startsWith('../') ||
    value.startsWith('/') ||
    value.startsWith('~') ||
    value.startsWith('file:') ||
    /\.(whl|tar\.gz|tgz|zip|gem|jar)$/.test(value) ||
    (value.includes('/') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('@'))
  );
}

export function refuse(reason: string): Classified {
  return { kind: 'refused', reason };
}
