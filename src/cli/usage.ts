/**
 * Command-line mistakes, said in one line with a hint. yargs finds unknown flags and bad choices
 * but words them over several lines without a suggestion, and it silently reads `--unsafe=3` as
 * false and `--only` without a value as an empty list: both are errors here.
 */

export interface FlagSpec {
  /** Every option name and alias yargs knows (`write`, `w`, `max-file-size`, ...). */
  names: readonly string[];
  booleans: readonly string[];
  strings: readonly string[];
}

/** The flags of a yargs parser (from its `getOptions()`), aliases included. */
export interface YargsOptions {
  key: Record<string, unknown>;
  boolean: string[];
  string: string[];
  alias: Record<string, string[]>;
}

export function flagSpec(options: YargsOptions): FlagSpec {
  const withAliases = (names: readonly string[]) =>
    names.flatMap((name) => [name, ...(options.alias[name] ?? [])]);
  return {
    names: withAliases(Object.keys(options.key)),
    booleans: withAliases(options.boolean),
    strings: withAliases(options.string),
  };
}

/** Rewords a yargs failure message: one line, with the nearest known flag as a hint. */
export function describeYargsFailure(message: string, spec: FlagSpec): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown) {
    // yargs lists `--lsit-x` twice, also as `lsitX`.
    const names = unknown[1].split(', ');
    return names
      .filter(
        (name) =>
          !names.includes(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)) ||
          !/[A-Z]/.test(name),
      )
      .map((name) => {
        const near = nearest(name, spec.names);
        return `unknown option ${flag(name)}${near ? ` (did you mean ${flag(near)}?)` : ''}`;
      })
      .join('; ')
      .concat('; see --help');
  }
  const invalid = /Argument: ([\w-]+), Given: (.+?), Choices: (.+)$/m.exec(message);
  if (invalid) {
    const choices = invalid[3].replace(/"/g, '');
    return `${flag(invalid[1])}: ${invalid[2]} is not one of ${choices}`;
  }
  const missing = /^Not enough arguments following: ([\w-]+)/.exec(message);
  if (missing) return `${flag(missing[1])} needs a value`;
  return message.replace(/\s*\n\s*/g, '; ');
}

/**
 * A boolean flag given a value other than true/false (`--unsafe=3`), or a string flag given no
 * value (`--only` at the end, or followed by another flag): the first such mistake, or null.
 */
export function badFlagValue(argv: readonly string[], spec: FlagSpec): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const match = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match || /^-\d/.test(arg)) continue;
    const [, name, value] = match;
    if (spec.booleans.includes(name) && value !== undefined && !/^(true|false)$/i.test(value))
      return `${flag(name)} takes no value (got "${value}")`;
    if (spec.strings.includes(name)) {
      const next = value ?? argv[i + 1];
      if (
        next === undefined ||
        next === '' ||
        (value === undefined && next.startsWith('-') && next !== '-')
      )
        return `${flag(name)} needs a value`;
    }
  }
  return null;
}

function flag(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** The known name closest to `name` by edit distance, if it is close enough to be a typo. */
function nearest(name: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of names) {
    if (candidate.length === 1) continue;
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}
