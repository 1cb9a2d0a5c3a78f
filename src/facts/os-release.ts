/** Reading /etc/os-release (a shell-like KEY=value file, see os-release(5)) and its relatives. */
import type { OsRelease } from './types.js';

/** Parses os-release lines; the other release files are passed as read (null when absent). */
export function parseOsRelease(
  lines: readonly string[],
  others: { alpine?: string | null; debian?: string | null; redhat?: string | null } = {},
): OsRelease {
  const values = new Map<string, string>();
  for (const line of lines) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values.set(match[1], unquote(match[2].trim()));
  }
  const get = (key: string) => values.get(key) || null;
  const version = get('VERSION');
  return {
    id: get('ID'),
    idLike: (get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
    versionId: get('VERSION_ID'),
    // VERSION="12 (bookworm)" names the codename on releases older than VERSION_CODENAME.
    codename:
      get('VERSION_CODENAME') ??
      get('UBUNTU_CODENAME') ??
      (version ? (/\(([A-Za-z]+)\)/.exec(version)?.[1]?.toLowerCase() ?? null) : null),
    prettyName: get('PRETTY_NAME'),
    alpineRelease: others.alpine?.trim() || null,
    debianVersion: others.debian?.trim() || null,
    redhatRelease: others.redhat?.trim() || null,
  };
}

/** A value as the shell would read it: "double" (with \" \\ \$ \` escapes), 'single', or bare. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
    return value.slice(1, -1).replace(/\\([\\"$`])/g, '$1');
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}
