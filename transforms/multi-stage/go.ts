/**
 * Go: the binary `go build` or `go install` writes, named by Go's own rules when the Dockerfile
 * gives no -o (src/packages/go-naming.ts), and the smallest runtime it runs on: distroless static
 * for a CGO_ENABLED=0 build, else the slim Debian image of the build image's release.
 */
import { variableBefore } from '../../src/core/env.js';
import type { InstructionNode } from '../../src/core/model.js';
import { absolutePath, userAt } from '../../src/core/stage-state.js';
import { goBuilds, goInstalls, type GoBuild, type GoInstall } from '../../src/packages/builds.js';
import { builtName, installDir, modulePathOf } from '../../src/packages/go-naming.js';
import type { ShellScript } from '../../src/shell/script.js';
import { keywordCasedAs } from '../../src/core/layout.js';
import {
  contextFileAt,
  cwdAt,
  entryArgv,
  hasShellHealthcheck,
  runsArtifact,
  runtimePathFor,
  scriptsOf,
  type Facts,
  type Planned,
} from './facts.js';
import { movingReleaseNote, slimRuntime } from './runtimes.js';

type Output = { path: string } | { refuse: string; askBuild?: boolean };

export function planGo(facts: Facts): Planned {
  const scripts = scriptsOf(facts);
  const builds = scripts.flatMap(({ node, script }) =>
    goBuilds(script).map((build) => ({ build, node, script })),
  );
  const installs = scripts.flatMap(({ node, script }) =>
    goInstalls(script).map((install) => ({ install, node, script })),
  );
  if (builds.length === 0 && installs.length === 0) return null;
  const outputs = [
    ...builds.map(({ build, node, script }) => buildOutput(facts, node, script, build)),
    ...installs.map(({ install, node, script }) => installOutput(facts, node, script, install)),
  ];
  const refusal = outputs.find((o): o is Exclude<Output, { path: string }> => 'refuse' in o);
  if (refusal) return refusal;
  const paths = [...new Set(outputs.map((o) => (o as { path: string }).path))];
  if (paths.length > 1) return { refuse: `multiple artifacts (${paths.join(', ')})` };
  const artifact = paths[0];
  const wrong = runsArtifact(facts, artifact);
  if (wrong) return { refuse: wrong, askBuild: true };
  const cgoOff = [...builds.map((b) => b.build), ...installs.map((i) => i.install)].every(
    (b) =>
      cgoDisabled(b) || variableBefore(nodeOf(builds, installs, b), ['CGO_ENABLED'])?.value === '0',
  );
  const entry = entryArgv(facts.stage)!;
  const pathLine = runtimePathFor(facts, artifact);
  const setup = pathLine ? [`${keywordCasedAs(facts.stage.from, 'ENV')} ${pathLine}`] : [];
  const user = userAt(facts.stage);
  const distrolessUser = user === null || /^(root|nonroot|nobody|\d+)(:\S+)?$/.test(user);
  if (cgoOff && entry.node.json && !hasShellHealthcheck(facts) && distrolessUser) {
    return {
      language: 'go',
      runtime: facts.runtimes.static,
      artifacts: [artifact],
      packages: [],
      setup,
      summary: `the static Go binary ${artifact} (CGO_ENABLED=0) on ${facts.runtimes.static}`,
    };
  }
  const slim =
    slimRuntime(facts.runtimes, facts.image) ?? (cgoOff ? facts.runtimes.slimFor.bookworm : null);
  if (!slim)
    return {
      refuse: `the Go binary links glibc (CGO_ENABLED is not 0) and the Debian release of ${facts.image} is not known, so no matching runtime can be named`,
      askBuild: true,
    };
  return {
    language: 'go',
    runtime: slim,
    artifacts: [artifact],
    packages: ['ca-certificates'],
    setup,
    summary: `the Go binary ${artifact} on ${slim}${cgoOff ? '' : ` (same Debian release: the binary links glibc${movingReleaseNote(facts.runtimes, facts.image)})`}`,
  };
}

function cgoDisabled(b: GoBuild | GoInstall): boolean {
  return ('cgoDisabled' in b && b.cgoDisabled) || b.prefixed.get('CGO_ENABLED') === '0';
}

function nodeOf(
  builds: { build: GoBuild; node: InstructionNode }[],
  installs: { install: GoInstall; node: InstructionNode }[],
  b: GoBuild | GoInstall,
): InstructionNode {
  return (builds.find((x) => x.build === b) ?? installs.find((x) => x.install === b))!.node;
}

/** `go build`: the -o path, or the package's name in the current directory (or an -o folder). */
function buildOutput(
  facts: Facts,
  node: InstructionNode,
  script: ShellScript,
  build: GoBuild,
): Output {
  const cwd = cwdAt(facts, node, script, build.cmd.node.start);
  const output = build.output;
  if (output !== null && !output.endsWith('/')) {
    const path = absolutePath(output, cwd);
    return path ? { path } : { refuse: 'the working directory of the build is not known' };
  }
  if (build.cmd.args.some((a) => a.value === '-o') && output === null)
    return {
      refuse: 'a `go build -o` whose output is not literal (dynamic artifact name)',
      askBuild: true,
    };
  if (cwd === null) return { refuse: 'the working directory of the build is not known' };
  const name = build.packages && builtName(build.packages, moduleAt(facts, node, cwd));
  if (!name)
    return {
      refuse:
        'a `go build` without -o, whose executable name Go takes from a package path the file does not show (dynamic artifact name)',
      askBuild: true,
    };
  const dir = output === null ? cwd : absolutePath(output, cwd);
  return dir
    ? { path: `${dir.replace(/\/+$/, '')}/${name}` }
    : { refuse: 'the output folder is not known' };
}

/** `go install`: $GOBIN or $GOPATH/bin, and the package's name. */
function installOutput(
  facts: Facts,
  node: InstructionNode,
  script: ShellScript,
  install: GoInstall,
): Output {
  const setting = (name: string) =>
    install.prefixed.get(name) ?? variableBefore(node, [name])?.value ?? null;
  const cwd = cwdAt(facts, node, script, install.cmd.node.start);
  const packages = install.packages;
  const name =
    packages && !packages.some((p) => p.endsWith('.go'))
      ? builtName(packages, cwd === null ? null : moduleAt(facts, node, cwd))
      : null;
  if (!name)
    return {
      refuse: '`go install` of a package whose name the file does not show (dynamic artifact name)',
      askBuild: true,
    };
  const user = userAt(facts.stage, node);
  const dir = installDir({
    gobin: setting('GOBIN'),
    gopath: setting('GOPATH'),
    imageGopath: /^([\w.-]+\/)*golang(:|@|$)/.test(facts.image) ? '/go' : null,
    crossCompiles: setting('GOOS') !== null || setting('GOARCH') !== null,
    home: user === null || user === 'root' || user === '0' ? '/root' : null,
  });
  if (!dir)
    return {
      refuse: '`go install` puts the binary in $GOBIN or $GOPATH/bin, and neither is known here',
      askBuild: true,
    };
  return { path: `${dir}/${name}` };
}

/** The module path of the go.mod the stage copied into `dir` from the build context. */
function moduleAt(facts: Facts, node: InstructionNode, dir: string): string | null {
  const path = contextFileAt(facts, node, dir, 'go.mod');
  const text = path ? facts.context!.readText(path) : null;
  return text ? modulePathOf(text) : null;
}
