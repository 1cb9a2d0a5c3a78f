/**
 * Whether an ignore entry would keep anything out: a reviewer closes a pull request that adds
 * Python caches to a Node app's .dockerignore. An entry is proposed only when
 *   - something it matches exists in the context, inside a folder some COPY/ADD copies whole; or
 *   - the build's own ecosystem produces such files where a COPY would take them: Node's
 *     node_modules and logs next to a package.json, Python's caches anywhere in a Python build,
 *     Cargo's and Maven's target/ at the root of a Rust or Java build.
 * Editor files, .git and the Dockerfile itself count only when they are there.
 */
import type { BuildContext } from '../../src/core/context.js';
import { rootImageOf } from '../../src/core/images.js';
import type { DockerfileModel } from '../../src/core/model.js';
import { parseRunShell } from '../../src/core/run/shell.js';
import { commandsOf } from '../../src/shell/query.js';
import type { Reference } from './references.js';

export type Ecosystem = 'node' | 'python' | 'target';

/**
 * Where an ecosystem writes what the entry matches: `manifest` next to its manifest file,
 * `anywhere` in any folder of its sources, `root` at the root of the context; `none`: the entry
 * counts only when it matches an existing path.
 */
export type Scope = 'manifest' | 'anywhere' | 'root' | 'none';

const MANIFESTS: Record<Ecosystem, RegExp> = {
  node: /(^|\/)package\.json$/,
  python: /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|Pipfile|requirements[\w.-]*\.txt)$/,
  target: /^(Cargo\.toml|pom\.xml)$/,
};

const TOOLS: Record<Ecosystem, ReadonlySet<string>> = {
  node: new Set(['npm', 'npx', 'yarn', 'pnpm', 'node', 'corepack']),
  python: new Set(['pip', 'pip3', 'python', 'python3', 'poetry', 'pipenv', 'uv', 'pdm']),
  target: new Set(['cargo', 'mvn', 'mvnw', './mvnw']),
};

const IMAGES: Record<Ecosystem, RegExp> = {
  node: /^([\w.-]+\/)*node(:|@|$)/,
  python: /^([\w.-]+\/)*(python|pypy)(:|@|$)/,
  target: /^([\w.-]+\/)*(rust|maven)(:|@|$)/,
};

/** The ecosystems the build belongs to: by its manifests, the tools its RUNs call, its base images. */
export function ecosystemsOf(
  models: readonly DockerfileModel[],
  paths: readonly string[],
): Set<Ecosystem> {
  const found = new Set<Ecosystem>();
  for (const ecosystem of ['node', 'python', 'target'] as const) {
    const uses =
      paths.some((p) => MANIFESTS[ecosystem].test(p)) ||
      models.some(
        (model) =>
          model.stages.some((stage) => IMAGES[ecosystem].test(rootImageOf(stage).toLowerCase())) ||
          model.instructions.some((node) => {
            if (node.keyword !== 'RUN') return false;
            const { script } = parseRunShell(model, node);
            return (
              script !== null &&
              commandsOf(script).some((c) => c.name !== null && TOOLS[ecosystem].has(c.name))
            );
          }),
      );
    if (uses) found.add(ecosystem);
  }
  return found;
}

export interface Relevance {
  /** Existing paths under folders copied whole. */
  copiedPaths: string[];
  /** The context root is copied whole. */
  rootCopied: boolean;
  /** Folders copied whole ('' for the root). */
  folders: string[];
  ecosystems: ReadonlySet<Ecosystem>;
}

export function relevanceOf(
  refs: readonly Reference[],
  paths: readonly string[],
  models: readonly DockerfileModel[],
  context: BuildContext,
): Relevance {
  const folders = [
    ...new Set(refs.filter((r) => r.folder && context.isDirectory(r.path)).map((r) => r.path)),
  ];
  const inside = (path: string) =>
    folders.some((f) => f === '' || path === f || path.startsWith(`${f}/`));
  return {
    copiedPaths: paths.filter(inside),
    rootCopied: folders.includes(''),
    folders,
    ecosystems: ecosystemsOf(models, paths),
  };
}

/**
 * Why the entry keeps nothing out (for the -v report), or null when it does keep something out.
 * `newlyExcluded` tells whether the entry, added to what is there, excludes a path.
 */
export function keepsNothingOut(
  ecosystem: Ecosystem | null,
  scope: Scope,
  relevance: Relevance,
  newlyExcluded: (path: string) => boolean,
): string | null {
  if (relevance.copiedPaths.some(newlyExcluded)) return null;
  if (ecosystem && relevance.ecosystems.has(ecosystem)) {
    const where =
      scope === 'anywhere'
        ? relevance.folders.length > 0
        : scope === 'root'
          ? relevance.rootCopied
          : scope === 'manifest'
            ? relevance.copiedPaths.some((p) => MANIFESTS[ecosystem].test(p))
            : false;
    if (where) return null;
    return `the ${name(ecosystem)} build makes no such file where a COPY takes it`;
  }
  return ecosystem
    ? `nothing in the context matches, and this is not a ${name(ecosystem)} build`
    : 'nothing in the context matches';
}

function name(ecosystem: Ecosystem): string {
  return ecosystem === 'target' ? 'Rust or Maven' : ecosystem === 'node' ? 'Node' : 'Python';
}
