/**
 * What the Dockerfiles of a build context take from it: the sources of every COPY/ADD (and RUN
 * bind mounts) that read the context, in this Dockerfile and in every other Dockerfile the same
 * ignore file applies to. An entry of the .dockerignore must never exclude one of them.
 */
import type { BuildContext } from '../../src/core/context.js';
import { copySpec, hasGlob, isPlainPath, isRemoteSource } from '../../src/core/copy.js';
import { normalizeContextPath } from '../../src/core/dockerignore.js';
import {
  parseDockerfile,
  type DockerfileModel,
  type InstructionNode,
} from '../../src/core/model.js';
import { runMounts } from '../../src/packages/mounts.js';

export interface Reference {
  /** Context-relative path ('' for the root) or glob, as the instruction names it. */
  path: string;
  /** A folder (everything under it is copied). */
  folder: boolean;
  node: InstructionNode;
  model: DockerfileModel;
  /** The Dockerfile it is in (context-relative), or null for the one being rewritten. */
  file: string | null;
}

export type References =
  | { ok: true; refs: Reference[]; models: { model: DockerfileModel; file: string | null }[] }
  | { ok: false; reason: string; node: InstructionNode | null };

const DOCKERFILE_NAME =
  /^(Dockerfile|Containerfile)(\..+)?$|\.(Dockerfile|dockerfile|Containerfile|containerfile)$/;
const NOT_A_DOCKERFILE = /\.(dockerignore|md|txt|json|ya?ml|sh|bak|orig|rej|swp|tmp|patch|diff)$/i;
/** Folders not searched for other Dockerfiles (they hold dependencies, not the project's files). */
const NOT_SEARCHED = new Set(['.git', 'node_modules', '.venv', 'vendor', 'target', '__pycache__']);
const WALK_LIMIT = 20_000;
const OTHER_DOCKERFILES_LIMIT = 63;

/**
 * Walks by context: the engine runs this transform on every pass, and what a context lists does
 * not change while it lives (the CLI's contexts keep what they have read; proposed files make a new
 * overlay context). Callers get their own copy of the array.
 */
const walks = new WeakMap<BuildContext, string[] | null>();

/** Every path of the context (files and folders), breadth first; null past the limit. */
export function walkContext(context: BuildContext): string[] | null {
  let paths = walks.get(context);
  if (paths === undefined) walks.set(context, (paths = walk(context)));
  return paths && paths.slice();
}

function walk(context: BuildContext): string[] | null {
  const out: string[] = [];
  const queue = [''];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    for (const name of context.list(dir)) {
      const path = dir ? `${dir}/${name}` : name;
      out.push(path);
      if (out.length > WALK_LIMIT) return null;
      if (context.isDirectory(path) && !NOT_SEARCHED.has(name)) queue.push(path);
    }
  }
  return out;
}

/**
 * Parsed Dockerfiles by text. Every Dockerfile of a context reads all the others: without this, a
 * folder of n Dockerfiles costs n² parses (a fleet checkout can hold hundreds in one context).
 */
const parsedByText = new Map<string, DockerfileModel>();
const PARSE_CACHE_LIMIT = 2000;

function otherDockerfile(text: string): DockerfileModel {
  let model = parsedByText.get(text);
  if (!model) {
    if (parsedByText.size >= PARSE_CACHE_LIMIT) parsedByText.clear();
    model = parseDockerfile(text.replace(/\r\n/g, '\n'));
    parsedByText.set(text, model);
  }
  return model;
}

export function collectReferences(
  model: DockerfileModel,
  context: BuildContext,
  paths: readonly string[],
): References {
  const models: { model: DockerfileModel; file: string | null }[] = [{ model, file: null }];
  // A Dockerfile-specific ignore file applies to that Dockerfile alone.
  if (context.ignoreFile === '.dockerignore') {
    const candidates = paths.filter((path) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return (
        path !== context.dockerfile && DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name)
      );
    });
    // Every Dockerfile of a context reads all the others: past a bound, that is quadratic work
    // (a fleet checkout can hold hundreds in one folder), so refuse rather than crawl.
    if (candidates.length > OTHER_DOCKERFILES_LIMIT) {
      return {
        ok: false,
        reason: `${candidates.length + 1} Dockerfiles share this build context (more than ${OTHER_DOCKERFILES_LIMIT + 1}); not all checked`,
        node: null,
      };
    }
    for (const path of candidates) {
      if (context.exists(`${path}.dockerignore`) || context.isDirectory(path)) continue;
      const text = context.readText(path);
      if (text !== null) models.push({ model: otherDockerfile(text), file: path });
    }
  }
  const refs: Reference[] = [];
  for (const { model: m, file } of models) {
    for (const node of m.instructions) {
      const sources: string[] = [];
      if (node.keyword === 'COPY' || node.keyword === 'ADD') {
        const spec = copySpec(m, node);
        if (!spec) {
          if (node.json || !node.args)
            return {
              ok: false,
              reason: 'a JSON-form COPY/ADD is not read',
              node: file ? null : node,
            };
          continue; // a heredoc: nothing from the context
        }
        if (spec.from !== null) continue;
        sources.push(...spec.sources.map((s) => s.text).filter((s) => !isRemoteSource(s)));
      } else if (node.keyword === 'RUN') {
        for (const mount of runMounts(node))
          if (mount.type === 'bind' && !mount.options.has('from'))
            sources.push(mount.options.get('source') ?? mount.options.get('src') ?? '.');
      } else continue;
      for (const source of sources) {
        if (!isPlainPath(source))
          return {
            ok: false,
            reason: `\`${source}\` in ${file ?? 'this Dockerfile'} expands at build time, so the paths it needs are not known`,
            node: file ? null : node,
          };
        const path = normalizeContextPath(source);
        if (path === null) continue;
        refs.push({
          path,
          folder: !hasGlob(path) && (path === '' || context.isDirectory(path)),
          node,
          model: m,
          file,
        });
      }
    }
  }
  return { ok: true, refs, models };
}

/** Context paths a glob reference matches, as Docker matches it (`*` stays within a folder). */
export function globMatches(glob: string, paths: readonly string[]): string[] {
  const pattern = new RegExp(
    `^${glob
      .split('')
      .map((ch) =>
        ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : /[.+^${}()|\\]/.test(ch) ? `\\${ch}` : ch,
      )
      .join('')}$`,
  );
  return paths.filter((p) => pattern.test(p));
}
