/**
 * Which files copied into the build stage the app may read at runtime. A COPY of build inputs
 * (sources, manifests) is left behind; any other file or folder is copied into the runtime stage at
 * the same path; a COPY of the whole context (`COPY . .`) is allowed only when the build context is
 * on disk and holds nothing but build inputs. Anything else cannot be determined: refuse.
 */
import { posix } from 'node:path';
import type { BuildContext } from '../../src/core/context.js';
import type { Stage } from '../../src/core/model.js';
import { absolutePath, copySpec } from '../../src/core/stage-state.js';
import type { WorkdirMap } from '../../src/core/workdir.js';

export type Language = 'go' | 'rust' | 'c' | 'java' | 'node';

/** Build inputs per language: files and folders the runtime never needs. */
const INPUTS: Record<Language, RegExp> = {
  go: /^(go\.(mod|sum|work)|.*\.go|cmd|internal|pkg|vendor|Makefile)$/,
  rust: /^(Cargo\.(toml|lock)|src|benches|build\.rs|\.cargo)$/,
  // Man pages and docs: `make install` puts them where they belong, the app never reads the copy.
  c: /^(.*\.(c|h|cc|cpp|cxx|hpp|hh|mk|[1-9])|Makefile|makefile|CMakeLists\.txt|src|include|configure(\.ac)?|man|docs?)$/,
  java: /^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|gradle\.properties|gradle|gradlew|mvnw|\.mvn|src)$/,
  node: /^(package(-lock)?\.json|npm-shrinkwrap\.json|package\*\.json|tsconfig.*\.json|\.npmrc|src|.*\.tsx?|\.babelrc|(babel|webpack|vite|rollup|esbuild|jest)\.config\.[cm]?[jt]s)$/,
};
/** Files that are in most contexts and never read by an app (dockopt's own configuration too). */
const NOT_RUNTIME =
  /^(\.dockoptrc.*|dockopt\.config\..*|Dockerfile.*|.*\.Dockerfile|\.dockerignore|\.git.*|README.*|LICENSE.*|CHANGELOG.*|.*\.md|\.editorconfig|\.github)$/;

export interface RuntimeCopy {
  /** Absolute path in the build stage, copied to the same path in the runtime stage. */
  path: string;
  flags: string[];
}

export type RuntimeFiles =
  { ok: true; copies: RuntimeCopy[]; inputs: string[] } | { ok: false; reason: string };

export function isInput(language: Language, name: string): boolean {
  return INPUTS[language].test(name) || NOT_RUNTIME.test(name);
}

export function runtimeFiles(
  stage: Stage,
  language: Language,
  context: BuildContext | null,
  workdirs: WorkdirMap,
): RuntimeFiles {
  const copies: RuntimeCopy[] = [];
  const inputs: string[] = [];
  for (const node of stage.instructions) {
    if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
    const spec = copySpec(node);
    if (!spec) return { ok: false, reason: 'a COPY/ADD that cannot be read' };
    if (spec.from)
      return { ok: false, reason: `COPY --from=${spec.from}: the file is already multi-stage` };
    if (node.keyword === 'ADD' && spec.sources.some((s) => /^(https?|git)[:@]/.test(s)))
      return { ok: false, reason: 'ADD of a URL: what it brings cannot be seen' };
    const dest = absolutePath(spec.dest, workdirs.before(node));
    if (!dest)
      return { ok: false, reason: `the working directory of ${node.keyword} is not known` };
    for (const source of spec.sources) {
      const clean = source.replace(/^\.\//, '').replace(/\/$/, '');
      if (clean === '' || clean === '.' || clean === '*') {
        const extra = context ? nonInputs(context, language) : null;
        if (extra === null)
          return {
            ok: false,
            reason: `\`${node.keyword} ${spec.sources.join(' ')} …\` copies the whole build context, which is not visible here, so the files the app reads at runtime cannot be determined`,
          };
        if (extra.length > 0)
          return {
            ok: false,
            reason: `the build context holds files the app may read at runtime (${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}): copy them explicitly`,
          };
        inputs.push(clean || '.');
        continue;
      }
      if (/[*?[$]/.test(clean) && !isInput(language, posix.basename(clean)))
        return {
          ok: false,
          reason: `\`${source}\` is a pattern or variable: what it copies cannot be determined`,
        };
      const top = clean.split('/')[0];
      if (isInput(language, top) || isInput(language, posix.basename(clean))) {
        inputs.push(clean);
        continue;
      }
      const base = posix.basename(clean);
      let path: string;
      const destBase = posix.basename(dest.replace(/\/$/, ''));
      const folder = source.endsWith('/') || !/\.[A-Za-z0-9]+$/.test(base);
      if (folder && destBase === base && spec.sources.length === 1) {
        path = dest.replace(/\/$/, '');
      } else if (dest.endsWith('/') || spec.sources.length > 1) {
        if (folder)
          return {
            ok: false,
            reason: `\`${source}\` may be a folder, whose contents COPY spreads into ${dest}`,
          };
        path = `${dest}${base}`;
      } else {
        path = dest;
      }
      copies.push({ path, flags: spec.otherFlags.filter((f) => !f.startsWith('--link')) });
    }
  }
  return { ok: true, copies, inputs };
}

/**
 * Files the context sends (after .dockerignore) that are neither build inputs nor obviously
 * unused; null when the context cannot be read.
 */
function nonInputs(context: BuildContext, language: Language): string[] | null {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of context.list(dir)) {
      const path = dir ? `${dir}/${name}` : name;
      // What .dockerignore keeps out never reaches the build stage.
      if (context.isExcluded(path)) continue;
      if (depth === 0 && isInput(language, name)) continue;
      if (depth > 0 && (isInput(language, name) || name === 'node_modules')) continue;
      if (name === 'node_modules' || name === '.git') continue;
      if (context.isDirectory(path)) {
        if (depth < 6) walk(path, depth + 1);
      } else found.push(path);
    }
  };
  if (!context.isDirectory('')) return null;
  walk('', 0);
  return found;
}
