/**
 * Paths inside the image compared symbolically, to tell whether two instructions mean the same
 * directory (a COPY destination and the directory a RUN works in) even where the file does not
 * say which directory that is. workdir.ts answers the other question, which directory exactly
 * (null when unknown); here what is unknown stays a symbol that compares equal to itself:
 * the WORKDIR of a base image dockopt does not know is `<base>` (so `WORKDIR app` on it is
 * `<base>/app`), and a variable without a literal ENV value is kept as `${NAME}` (two paths using
 * the same such variable compare equal, as they expand alike). Literal ENV values are
 * substituted; ARG values are not, since `--build-arg` may override them.
 */
import { Env } from 'dockerfile-ast';
import { baseImageFacts } from './base-image.js';
import type { DockerfileModel, InstructionNode, Stage } from './model.js';
import { argsText } from './model.js';

export const BASE_WORKDIR = '<base>';

/** For each instruction of the stage (by index), the WORKDIR in effect when it runs. */
export function symbolicWorkdirs(model: DockerfileModel, stage: Stage): Map<number, string> {
  const out = new Map<number, string>();
  let cwd = stage.parent
    ? finalWorkdir(model, stage.parent)
    : (baseImageFacts(stage.image ?? '').workdir ?? BASE_WORKDIR);
  const env = new Map<string, string>(stage.parent ? envOf(model, stage.parent) : []);
  for (const node of stage.instructions) {
    out.set(node.index, cwd);
    if (node.keyword === 'WORKDIR') cwd = joinPath(cwd, expand(argsText(model, node), env));
    else if (node.keyword === 'ENV') applyEnv(node, env);
  }
  return out;
}

/** The literal ENV values in effect at each instruction (for expanding paths). */
export function envAt(
  model: DockerfileModel,
  stage: Stage,
  at: InstructionNode,
): Map<string, string> {
  const env = new Map<string, string>(stage.parent ? envOf(model, stage.parent) : []);
  for (const node of stage.instructions) {
    if (node === at) break;
    if (node.keyword === 'ENV') applyEnv(node, env);
  }
  return env;
}

function finalWorkdir(model: DockerfileModel, stage: Stage): string {
  const last = stage.instructions[stage.instructions.length - 1];
  if (!last)
    return stage.parent
      ? finalWorkdir(model, stage.parent)
      : (baseImageFacts(stage.image ?? '').workdir ?? BASE_WORKDIR);
  const map = symbolicWorkdirs(model, stage);
  const cwd = map.get(last.index)!;
  return last.keyword === 'WORKDIR'
    ? joinPath(cwd, expand(argsText(model, last), envAt(model, stage, last)))
    : cwd;
}

function envOf(model: DockerfileModel, stage: Stage): Map<string, string> {
  const env = new Map<string, string>(stage.parent ? envOf(model, stage.parent) : []);
  for (const node of stage.instructions) if (node.keyword === 'ENV') applyEnv(node, env);
  return env;
}

function applyEnv(node: InstructionNode, env: Map<string, string>): void {
  if (!(node.ast instanceof Env)) return;
  for (const property of node.ast.getProperties()) {
    const value = property.getValue();
    if (value !== null && /^[^$"'`\\\s]*$/.test(value)) env.set(property.getName(), value);
    else env.delete(property.getName());
  }
}

/** Substitutes literal ENV values; other variables become `${NAME}`; unknown forms stay as text. */
export function expand(text: string, env: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, a, b) => {
      const name = (a ?? b) as string;
      return env.get(name) ?? `\${${name}}`;
    },
  );
}

/** `path` resolved against `cwd` (when relative), normalised. */
export function joinPath(cwd: string, path: string): string {
  const absolute = path.startsWith('/') || path.startsWith('<') || path.startsWith('${');
  const parts = (absolute ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && !out[out.length - 1].startsWith('<')) out.pop();
    } else out.push(part);
  }
  const joined = out.join('/');
  return joined.startsWith('<') || joined.startsWith('${') ? joined : `/${joined}`;
}

/** `inner` relative to `outer` when inside it ('' when equal), else null. */
export function relativeInside(outer: string, inner: string): string | null {
  if (inner === outer) return '';
  const prefix = outer.endsWith('/') ? outer : `${outer}/`;
  return inner.startsWith(prefix) ? inner.slice(prefix.length) : null;
}
