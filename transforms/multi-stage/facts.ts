/**
 * What the multi-stage planners know about a build stage, and the questions all of them ask: its
 * RUN scripts, the program its entry point runs, the files it copies into place, the runtime
 * libraries it names, and whether its USER will exist in the runtime image.
 */
import type { BuildContext } from '../../src/core/context.js';
import type { DockerfileModel, InstructionNode, Stage } from '../../src/core/model.js';
import { DEFAULT_PATH, variableBefore } from '../../src/core/env.js';
import { absolutePath, copySpec, execArgv, lastOf, userAt } from '../../src/core/stage-state.js';
import type { WorkdirMap } from '../../src/core/workdir.js';
import { aptInstalled } from '../../src/packages/installs.js';
import { findCommands, topLevelChain } from '../../src/shell/query.js';
import type { ShellResult, ShellScript } from '../../src/shell/script.js';
import type { Language } from './files.js';
import type { Runtimes } from './runtimes.js';

export interface Plan {
  language: Language;
  runtime: string;
  /** Absolute paths copied from the build stage to the same path. */
  artifacts: string[];
  /** Debian packages the runtime needs (installed with apt-get in the runtime stage). */
  packages: string[];
  /** A command run before that install, in the same RUN (`mkdir -p /usr/share/man/man1`). */
  packagePrelude?: string;
  /** Instructions (as text) for the runtime before the artifacts: e.g. `RUN npm ci --omit=dev`. */
  setup: string[];
  /** Files copied to another path (a symlink's target to where the symlink was). */
  renamed?: { from: string; to: string }[];
  /** Instructions (as text) after the artifacts: e.g. `RUN ldconfig` for libraries copied in. */
  after?: string[];
  summary: string;
}

/**
 * A refusal says why; `askBuild` when a build of the original could answer what is missing (the
 * file the entry point runs, its libraries, the base image's release): with `--build` the
 * transform gets those facts and plans again (from-build.ts).
 */
export type Refusal = { refuse: string; askBuild?: boolean };

export type Planned = Plan | Refusal | null;

export interface Facts {
  model: DockerfileModel;
  /** The build context on disk, when known (a go.mod's module path, a Makefile). */
  context: BuildContext | null;
  stage: Stage;
  shell: (n: InstructionNode) => ShellResult;
  runtimes: Runtimes;
  image: string;
  workdirs: WorkdirMap;
}

type Scripts = { node: InstructionNode; script: ShellScript }[];

export function scriptsOf(facts: Facts): Scripts {
  const out: Scripts = [];
  for (const node of facts.stage.instructions) {
    if (node.keyword !== 'RUN') continue;
    const { script } = facts.shell(node);
    if (script) out.push({ node, script });
  }
  return out;
}

/** What the stage runs at the end: argv of ENTRYPOINT (+CMD) or CMD, exec or simple shell form. */
export function entryArgv(stage: Stage): { argv: string[]; node: InstructionNode } | null {
  const node = lastOf(stage, 'ENTRYPOINT') ?? lastOf(stage, 'CMD');
  if (!node) return null;
  const exec = execArgv(node);
  if (exec) return exec.length > 0 && exec[0] ? { argv: exec, node } : null;
  const text = node.ast.getArgumentsContent() ?? '';
  if (/[$`|&;<>(){}*?'"\\]/.test(text) || !text.trim()) return null;
  return { argv: text.trim().split(/\s+/), node };
}

/**
 * The file a program name runs: a path is made absolute against the final WORKDIR; a bare name
 * (`hello`) is looked up in PATH among the files the build visibly writes (`known`).
 */
export function programPath(
  facts: Facts,
  program: string,
  known: readonly string[],
): string | null {
  if (program.includes('/')) return absolutePath(program, facts.workdirs.atEnd(facts.stage));
  const dirs = searchPath(facts);
  for (const dir of dirs) {
    const candidate = `${dir.replace(/\/$/, '')}/${program}`;
    if (known.includes(candidate)) return candidate;
  }
  return null;
}

/** A HEALTHCHECK in shell form needs a shell, which distroless images do not have. */
export function hasShellHealthcheck(facts: Facts): boolean {
  return facts.stage.instructions.some(
    (n) =>
      n.keyword === 'HEALTHCHECK' &&
      !/^\s*(NONE|CMD\s*\[)/i.test(n.ast.getArgumentsContent() ?? '') &&
      !/--\w+=\S+\s+CMD\s*\[/i.test(n.ast.getArgumentsContent() ?? ''),
  );
}

/** The official golang images put GOPATH's and Go's bin folders first in PATH. */
const GOLANG_IMAGE = /^([\w.-]+\/)*golang(:|@|$)/;

/** The PATH the entry point is looked up in: the stage's literal ENV PATH over the image's. */
export function searchPath(facts: Facts): readonly string[] {
  const image = GOLANG_IMAGE.test(facts.image)
    ? ['/go/bin', '/usr/local/go/bin', ...DEFAULT_PATH]
    : DEFAULT_PATH;
  const last = facts.stage.instructions[facts.stage.instructions.length - 1];
  const env = last ? variableBefore(last, ['PATH'])?.value : null;
  if (!env) return image;
  return env
    .split(':')
    .flatMap((d) => (/^\$\{?PATH\}?$/.test(d) ? image : d.startsWith('/') ? [d] : []));
}

/**
 * The ENV line a runtime stage on another image needs so that a bare program name still finds
 * `artifact` (found in a folder only the build image's PATH has, like golang's /go/bin); null
 * when the default PATH has its folder.
 */
export function runtimePathFor(facts: Facts, artifact: string): string | null {
  const dir = artifact.slice(0, artifact.lastIndexOf('/')) || '/';
  if (DEFAULT_PATH.includes(dir)) return null;
  const entry = entryArgv(facts.stage);
  if (!entry || entry.argv[0].includes('/')) return null;
  return `PATH=${dir}:$PATH`;
}

/** Files the build writes with `cp`, `mv` or `install` (destination paths, made absolute). */
export function copiedInto(facts: Facts): string[] {
  const out: string[] = [];
  for (const { node, script } of scriptsOf(facts)) {
    const workdir = facts.workdirs.before(node);
    for (const cmd of findCommands(script, 'cp', 'mv', 'install')) {
      const words = cmd.args.filter((a) => !a.value?.startsWith('-'));
      if (words.length < 2 || words.some((w) => w.value === null)) continue;
      const dest = absolutePath(words[words.length - 1].value!, workdir);
      if (!dest) continue;
      for (const source of words.slice(0, -1)) {
        const base = source.value!.split('/').pop()!;
        out.push(
          dest.endsWith('/') || DEFAULT_PATH.includes(dest)
            ? `${dest.replace(/\/$/, '')}/${base}`
            : dest,
        );
      }
    }
  }
  return out;
}

/** The entry point runs this absolute path (or says why not). */
export function runsArtifact(facts: Facts, artifact: string): string | null {
  const stage = facts.stage;
  const entry = entryArgv(stage);
  if (!entry) return 'no ENTRYPOINT or CMD whose program can be read';
  const program = programPath(facts, entry.argv[0], [artifact]);
  if (program === artifact) return null;
  return `${entry.node.keyword} runs ${entry.argv[0]}, not the built ${artifact} (a script from the source tree, or a file the build installs elsewhere)`;
}

const BUILD_ONLY =
  /^(build-essential|gcc|g\+\+|clang|make|cmake|ninja-build|pkg-config|pkgconf|autoconf|automake|libtool|libc6-dev|musl-tools|git|curl|wget|ca-certificates|unzip|xz-utils|python3)$/;

/** Runtime libraries named by the build (`libcurl4`), and -dev packages without one. */
export function namedRuntimeLibraries(facts: Facts): { libs: string[]; unnamed: string[] } {
  const installed = [...aptInstalled([facts.stage], facts.shell).keys()].filter(
    (p) => !BUILD_ONLY.test(p),
  );
  const libs = installed.filter((p) => !p.endsWith('-dev'));
  const unnamed = installed
    .filter((p) => p.endsWith('-dev'))
    .filter((dev) => {
      const stem = dev
        .replace(/-dev$/, '')
        .replace(/\d*-(openssl|gnutls|nss)$/, '')
        .replace(/[\d.]+$/, '');
      return !libs.some((l) => l.startsWith(stem));
    });
  return { libs, unnamed };
}

const NAMED_USERS = /^(root|\d+)(:(root|\d+))?$/;

/** A USER the runtime image may lack: one created by the build stage's RUNs. */
export function userProblem(facts: Facts, runtimeIsBuildImage: boolean): string | null {
  const user = userAt(facts.stage);
  if (user === null || NAMED_USERS.test(user) || runtimeIsBuildImage) return null;
  const name = user.split(':')[0];
  for (const { script } of scriptsOf(facts))
    for (const cmd of findCommands(script, 'useradd', 'adduser', 'groupadd', 'addgroup'))
      if (cmd.args.some((a) => a.value === name))
        return `USER ${user} is created by a RUN of the build stage, and the runtime image would not have it`;
  if (name === 'nobody') return null;
  return `USER ${user} may not exist in the runtime image`;
}

/**
 * The directory a command runs in: the WORKDIR, moved by `cd` commands before it at the top level
 * of the RUN; null when a `cd` elsewhere, or to a path that is not literal, may have moved it.
 */
export function cwdAt(
  facts: Facts,
  node: InstructionNode,
  script: ShellScript,
  offset: number,
): string | null {
  let cwd = facts.workdirs.before(node);
  const cds = findCommands(script, 'cd', 'pushd', 'popd').filter((c) => c.node.start < offset);
  if (cds.length === 0) return cwd;
  const topLevel = new Set(topLevelChain(script).map((i) => i.node));
  for (const cd of cds) {
    const target = cd.args.length === 1 ? cd.args[0].value : null;
    if (cd.name !== 'cd' || !topLevel.has(cd.statement) || target === null) return null;
    cwd = absolutePath(target, cwd);
    if (cwd === null) return null;
  }
  return cwd === null ? null : cwd.replace(/(.)\/+$/, '$1');
}

/**
 * The context path of the file `name` the stage copied into `dir` before `node` (`COPY . .`,
 * `COPY go.mod go.sum ./`, `COPY src/ /app/`), when the build context is on disk; else null.
 */
export function contextFileAt(
  facts: Facts,
  node: InstructionNode,
  dir: string,
  name: string,
): string | null {
  const context = facts.context;
  if (!context) return null;
  let found: string | null = null;
  for (const copy of facts.stage.instructions) {
    if (copy.index >= node.index) break;
    const spec = copySpec(copy);
    if (!spec || spec.from !== null) continue;
    const dest = absolutePath(spec.dest, facts.workdirs.before(copy));
    if (!dest) continue;
    const destDir = dest.replace(/(.)\/+$/, '$1');
    for (const source of spec.sources) {
      const clean = source.replace(/^\.\//, '').replace(/\/+$/, '');
      if (clean.split('/').pop() === name && (destDir === dir || dest === `${dir}/${name}`))
        found = clean;
      else if (destDir === dir && (clean === '.' || clean === '' || context.isDirectory(clean)))
        found = clean === '.' || clean === '' ? name : `${clean}/${name}`;
    }
  }
  return found && context.exists(found) ? found : null;
}
