/**
 * Build commands in a RUN and the artifacts they name: `go build -o X`, `cargo build --release`,
 * `mvn package`, `gradle build`, `npm run build`, `tsc`, `make`. Only what is written literally
 * counts: an output path built from variables is reported as unknown (null).
 */
import { findCommands, subcommandOf, type SimpleCommand } from '../shell/query.js';
import { textOf, type ShellScript } from '../shell/script.js';

export interface GoBuild {
  cmd: SimpleCommand;
  /** The `-o` path as written, or null when absent or not literal. */
  output: string | null;
  /** `CGO_ENABLED=0` is set for this command (prefix, or `export` earlier in the RUN). */
  cgoDisabled: boolean;
  /** The package (or .go file) arguments, literal; null when one of them is not. */
  packages: string[] | null;
  /** Variables set for this command alone (`GOOS=linux go build`, `env GOBIN=/x go install`). */
  prefixed: ReadonlyMap<string, string>;
}

const GO_FLAGS_WITH_VALUE = new Set([
  '-o',
  '-ldflags',
  '-gcflags',
  '-tags',
  '-mod',
  '-p',
  '-buildmode',
  '-asmflags',
  '-pkgdir',
  '-installsuffix',
  '-modfile',
  '-overlay',
  '-pgo',
  '-C',
]);

export function goBuilds(script: ShellScript): GoBuild[] {
  const exportsCgoOff = findCommands(script, 'export').some((c) =>
    c.args.some((a) => a.value === 'CGO_ENABLED=0'),
  );
  return findCommands(script, 'go')
    .filter((cmd) => subcommandOf(cmd, GO_FLAGS_WITH_VALUE)?.value === 'build')
    .map((cmd) => {
      let output: string | null = null;
      cmd.args.forEach((a, i) => {
        if (a.value === '-o') output = cmd.args[i + 1]?.value ?? null;
        else if (a.value?.startsWith('-o=')) output = a.value.slice(3);
      });
      const prefixOff = cmd.prefixes.some((p) => textOf(script, p) === 'CGO_ENABLED=0');
      const wrapperOff = cmd.wrappers.some((w) => w.value === 'CGO_ENABLED=0');
      return {
        cmd,
        output,
        cgoDisabled: prefixOff || wrapperOff || exportsCgoOff,
        packages: goPackages(cmd),
        prefixed: goPrefixes(script, cmd),
      };
    });
}

export interface GoInstall {
  cmd: SimpleCommand;
  /** The package arguments, literal (`./cmd/api`, `example.com/tool@v1.2.0`); null when not. */
  packages: string[] | null;
  prefixed: ReadonlyMap<string, string>;
}

/** `go install`: its output goes to $GOBIN or $GOPATH/bin, named by Go's rules (go-naming.ts). */
export function goInstalls(script: ShellScript): GoInstall[] {
  return findCommands(script, 'go')
    .filter((cmd) => subcommandOf(cmd, GO_FLAGS_WITH_VALUE)?.value === 'install')
    .map((cmd) => ({ cmd, packages: goPackages(cmd), prefixed: goPrefixes(script, cmd) }));
}

/** The non-flag words after `go build`/`go install`, when all are literal. */
function goPackages(cmd: SimpleCommand): string[] | null {
  const sub = subcommandOf(cmd, GO_FLAGS_WITH_VALUE);
  if (!sub) return null;
  const words: string[] = [];
  for (let i = cmd.args.indexOf(sub) + 1; i < cmd.args.length; i++) {
    const value = cmd.args[i].value;
    if (value === null) return null;
    if (value === '--') continue;
    if (value.startsWith('-')) {
      if (GO_FLAGS_WITH_VALUE.has(value)) i++;
      continue;
    }
    words.push(value);
  }
  return words;
}

/** `VAR=value` set for the command: prefixes, `env VAR=value` words, and `export`s before it. */
function goPrefixes(script: ShellScript, cmd: SimpleCommand): Map<string, string> {
  const out = new Map<string, string>();
  const add = (text: string | null) => {
    const m = text ? /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text) : null;
    if (m) out.set(m[1], m[2].replace(/^["']|["']$/g, ''));
  };
  for (const exp of findCommands(script, 'export'))
    if (exp.node.end <= cmd.node.start) for (const a of exp.args) add(a.value);
  for (const p of cmd.prefixes) add(textOf(script, p));
  for (const w of cmd.wrappers) add(w.value);
  return out;
}

/** `cargo build` with `--release`: the profile decides the output directory. */
export function cargoBuilds(script: ShellScript): { cmd: SimpleCommand; release: boolean }[] {
  return findCommands(script, 'cargo')
    .filter((cmd) => subcommandOf(cmd)?.value === 'build')
    .map((cmd) => ({
      cmd,
      release: cmd.args.some((a) => a.value === '--release' || a.value === '-r'),
    }));
}

/**
 * `mvn … package|install|verify`, `gradle|./gradlew build|assemble|bootJar|jar`, and the JDK's
 * own `jar` tool creating an archive (`jar cfe app.jar Main -C out .`, `jar --create --file …`).
 */
export function javaBuilds(
  script: ShellScript,
): { cmd: SimpleCommand; tool: 'maven' | 'gradle' | 'jar' }[] {
  const maven = [...findCommands(script, 'mvn'), ...findCommands(script, './mvnw')]
    .filter((cmd) => cmd.args.some((a) => ['package', 'install', 'verify'].includes(a.value ?? '')))
    .map((cmd) => ({ cmd, tool: 'maven' as const }));
  const gradle = [...findCommands(script, 'gradle'), ...findCommands(script, './gradlew')]
    .filter((cmd) =>
      cmd.args.some((a) =>
        ['build', 'assemble', 'bootJar', 'jar', 'shadowJar'].includes(a.value ?? ''),
      ),
    )
    .map((cmd) => ({ cmd, tool: 'gradle' as const }));
  const jar = findCommands(script, 'jar')
    .filter((cmd) => {
      const first = cmd.args[0]?.value ?? '';
      return /^-?c[a-zA-Z]*$/.test(first) || cmd.args.some((a) => a.value === '--create');
    })
    .map((cmd) => ({ cmd, tool: 'jar' as const }));
  return [...maven, ...gradle, ...jar];
}

/** `npm run build`, `yarn build`, `npx tsc`, `tsc`, and bundlers run directly. */
export function nodeBuilds(script: ShellScript): SimpleCommand[] {
  const run = findCommands(script, 'npm').filter(
    (cmd) => cmd.args[0]?.value === 'run' && cmd.args[1]?.value?.startsWith('build'),
  );
  const direct = [
    ...findCommands(script, 'tsc'),
    ...findCommands(script, 'npx').filter((c) =>
      ['tsc', 'vite', 'webpack', 'esbuild', 'rollup', 'next'].includes(c.args[0]?.value ?? ''),
    ),
  ];
  return [...run, ...direct];
}

/** `npm ci` / `npm install` (without package names: installs the manifest's dependencies). */
export function npmInstalls(script: ShellScript): SimpleCommand[] {
  return findCommands(script, 'npm').filter((cmd) => {
    const sub = subcommandOf(cmd)?.value;
    if (sub === 'ci') return true;
    if (sub !== 'install' && sub !== 'i') return false;
    return cmd.args.slice(1).every((a) => a.value?.startsWith('-'));
  });
}

/** `make`/`cmake --build`/`gcc`/`cc`/`g++` invocations: a C or C++ build. */
export function cBuilds(script: ShellScript): SimpleCommand[] {
  return [
    ...findCommands(script, 'make'),
    ...findCommands(script, 'gcc', 'cc', 'g++', 'c++', 'clang'),
    ...findCommands(script, 'cmake').filter((c) => c.args.some((a) => a.value === '--build')),
  ];
}

/** The `-o` value of a compiler command, when literal. */
export function compilerOutput(cmd: SimpleCommand): string | null {
  let out: string | null = null;
  cmd.args.forEach((a, i) => {
    if (a.value === '-o') out = cmd.args[i + 1]?.value ?? null;
  });
  return out;
}

/** Whether a compiler command links statically (`-static`). */
export function linksStatically(cmd: SimpleCommand): boolean {
  return cmd.args.some((a) => a.value === '-static' || a.value?.includes('-static') === true);
}

/**
 * `make install` (or `make … install …`) staged into a folder: `DESTDIR=/out` as a make argument,
 * a prefix, or an `export` before it. `destdir` is null when that value is not a literal absolute
 * path.
 */
export function stagedInstalls(
  script: ShellScript,
): { cmd: SimpleCommand; destdir: string | null }[] {
  const exported = findCommands(script, 'export').flatMap((c) =>
    c.args.map((a) => /^DESTDIR=(.*)$/.exec(a.value ?? '')?.[1]).filter((v) => v !== undefined),
  );
  return findCommands(script, 'make')
    .filter((cmd) => cmd.args.some((a) => a.value === 'install'))
    .flatMap((cmd) => {
      const given =
        cmd.args
          .map((a) => /^DESTDIR=(.*)$/.exec(a.value ?? '')?.[1])
          .find((v) => v !== undefined) ??
        cmd.prefixes
          .map((p) => /^DESTDIR=(.*)$/.exec(textOf(script, p))?.[1])
          .find((v) => v !== undefined) ??
        exported[exported.length - 1];
      if (given === undefined) return [];
      const clean = given.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
      return [{ cmd, destdir: clean.startsWith('/') && !/[$`*?]/.test(clean) ? clean : null }];
    });
}
