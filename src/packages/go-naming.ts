/**
 * Where `go build` and `go install` put an executable when the Dockerfile does not say, by Go's
 * own rules (`go help build`, `go help install`):
 *   - a main package is named after the last element of its import path that is not a major
 *     version suffix (`example.com/tool/v2` → `tool`); a list of .go files after the first file
 *     (`go build ed.go rx.go` writes `ed`);
 *   - `go build` without -o writes it into the current directory (into the directory `-o dir/`
 *     names); with several packages, or none that is main, it writes nothing;
 *   - `go install` writes it to $GOBIN, else to the bin folder of the first $GOPATH entry; when
 *     cross-compiling (GOOS or GOARCH set), to a subfolder named after them.
 * What cannot be read from the text (a package pattern with `...`, a variable, the import path of
 * `.` without the module's go.mod) is null: the caller refuses, or asks a build.
 */
import { posix } from 'node:path';

const MAJOR_VERSION = /^v\d+$/;

/** The executable name Go gives a main package with this import path. */
export function executableName(importPath: string): string | null {
  const parts = importPath
    .replace(/@.*$/, '')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  while (parts.length > 1 && MAJOR_VERSION.test(parts[parts.length - 1])) parts.pop();
  const last = parts[parts.length - 1];
  return last && !MAJOR_VERSION.test(last) && !last.includes('...') ? last : null;
}

/**
 * The name of the one executable the package arguments build, or null. `modulePath` is the module
 * of the current directory (its go.mod `module` line) when known: `.` (or no argument) needs it.
 */
export function builtName(packages: readonly string[], modulePath: string | null): string | null {
  if (packages.length === 0) return modulePath && executableName(modulePath);
  if (packages.every((p) => p.endsWith('.go'))) return posix.basename(packages[0], '.go') || null;
  if (packages.length !== 1) return null;
  const pkg = packages[0];
  if (pkg.includes('...')) return null;
  if (pkg.startsWith('.')) {
    const relative = posix.normalize(pkg);
    if (relative.startsWith('..')) return null;
    const inModule = relative === '.' ? '' : relative;
    if (modulePath) return executableName(`${modulePath}/${inModule}`);
    // Without the module path only a sub-folder names itself (`./cmd/api` → api).
    const name = executableName(inModule);
    return name && inModule.split('/').some((p) => p !== '' && !MAJOR_VERSION.test(p))
      ? name
      : null;
  }
  return executableName(pkg);
}

/** The `module` path of a go.mod. */
export function modulePathOf(goMod: string): string | null {
  return /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(goMod)?.[2] ?? null;
}

export interface GoEnvironment {
  /** $GOBIN, $GOPATH as set for the command (ENV, prefix, export); null when not set. */
  gobin: string | null;
  gopath: string | null;
  /** The image sets GOPATH itself (the official golang images: /go). */
  imageGopath: string | null;
  /** GOOS or GOARCH is set: cross-compiled installs go to a subfolder. */
  crossCompiles: boolean;
  home: string | null;
}

/** Where `go install` puts executables, or null when it cannot be told. */
export function installDir(env: GoEnvironment): string | null {
  if (env.crossCompiles) return null;
  if (env.gobin !== null) return env.gobin.startsWith('/') ? env.gobin : null;
  const gopath = env.gopath ?? env.imageGopath ?? (env.home ? `${env.home}/go` : null);
  const first = gopath?.split(':')[0];
  return first && first.startsWith('/') ? `${first.replace(/\/+$/, '')}/bin` : null;
}
