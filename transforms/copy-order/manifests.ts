/**
 * Which files an install needs copied first, where they come from in the build context and where
 * they go in the image; and the COPY instructions that put them there.
 *
 * Checked (a build context on disk): only files that the broad COPY would copy (present, not
 * excluded by .dockerignore) are copied, the required ones must be there, and nothing the install
 * writes in the project may be in the context, or the copy of the source would overwrite it.
 * Unchecked (no context): the required files as written, optional files as `name*` globs (a glob
 * that matches nothing is allowed when another source matches), optional folders left out.
 */
import type { BuildContext } from '../../src/core/context.js';
import { normalizeContextPath } from '../../src/core/dockerignore.js';
import { joinPath, relativeInside } from '../../src/core/paths.js';
import { hasGlob } from '../../src/core/copy.js';
import type { InstallInput, ProjectFiles } from '../../src/packages/installs/index.js';
import type { InstallAt } from './chain.js';

export interface BroadCopy {
  /** The source folder, context-relative ('' for the root). */
  source: string;
  /** The destination in the image, resolved. */
  dest: string;
  /** The destination as written. */
  destText: string;
}

export interface Manifest {
  /** The COPY source as written (context-relative path, or a glob). */
  source: string;
  /** The image directory it goes to, relative to the broad COPY's destination ('' for itself). */
  targetDir: string;
  dir: boolean;
}

export type Resolution =
  { ok: true; manifests: Manifest[]; after: string[] } | { ok: false; reason: string };

export function resolveManifests(
  copy: BroadCopy,
  installs: InstallAt[],
  context: BuildContext | null,
): Resolution {
  const manifests: Manifest[] = [];
  const after: string[] = [];
  for (const { install, cwd } of installs) {
    const projectAbs = joinPath(cwd, install.project);
    const projectRel = relativeInside(copy.dest, projectAbs);
    if (projectRel === null) continue;
    /** Context path of a project path, or null when it is not under the copied folder. */
    const contextPath = (path: string): string | null => {
      const rel = relativeInside(copy.dest, joinPath(projectAbs, path));
      return rel === null ? null : normalizeContextPath(`${copy.source}/${rel}`);
    };
    const add = (input: InstallInput, source: string) => {
      const rel = relativeInside(copy.dest, joinPath(projectAbs, input.path))!;
      const targetDir = input.dir
        ? rel
        : rel.includes('/')
          ? rel.slice(0, rel.lastIndexOf('/'))
          : '';
      if (!manifests.some((m) => m.source === source))
        manifests.push({ source, targetDir, dir: Boolean(input.dir) });
    };

    if (!context) {
      for (const input of install.inputs) {
        const source = contextPath(input.path);
        if (source === null) continue;
        if (input.required || hasGlob(input.path)) add(input, source);
        // `.yarnrc*` already matches `.yarnrc.yml`: one glob is enough.
        else if (
          !input.dir &&
          !manifests.some((m) => m.source.endsWith('*') && source.startsWith(m.source.slice(0, -1)))
        )
          add(input, `${source}*`);
      }
      if (install.after) after.push(install.after);
      continue;
    }

    const files = projectFiles(context, contextPath);
    const take = (inputs: InstallInput[]): string | null => {
      for (const input of inputs) {
        if (hasGlob(input.path)) continue; // stands for files the inspection names
        const source = contextPath(input.path);
        if (source === null) continue; // not from this COPY: it is where it was before
        const present = input.dir ? files.isDirectory(input.path) : files.copied(input.path);
        if (present) add(input, source);
        else if (input.required)
          return context.exists(source) && context.isExcluded(source)
            ? `${source} is excluded by ${context.ignoreFile}`
            : `${source} is not in the build context`;
      }
      return null;
    };
    // Required files first (the inspection reads them), then what the inspection found, then
    // the optional ones.
    const missing = take(install.inputs.filter((i) => i.required));
    if (missing) return { ok: false, reason: missing };
    const inspection = install.inspect?.(files) ?? { ok: true as const, inputs: [] };
    if (!inspection.ok) return { ok: false, reason: inspection.reason };
    const more = take([...inspection.inputs, ...install.inputs.filter((i) => !i.required)]);
    if (more) return { ok: false, reason: more };
    for (const output of [...install.outputs, ...(inspection.outputs ?? [])]) {
      const source = contextPath(output);
      if (source !== null && files.copied(output))
        return {
          ok: false,
          reason: `${source} is in the build context and not in ${context.ignoreFile}: the copy of the source would overwrite what ${install.tool} installs there`,
        };
    }
    const text = inspection.after ?? install.after;
    if (text) after.push(text);
  }
  return { ok: true, manifests, after };
}

function projectFiles(
  context: BuildContext,
  contextPath: (path: string) => string | null,
): ProjectFiles {
  const visible = (path: string) => {
    const c = contextPath(path);
    return c !== null && context.exists(c) && !context.isExcluded(c) ? c : null;
  };
  return {
    copied: (path) => visible(path) !== null,
    isDirectory(path) {
      const c = visible(path);
      return c !== null && context.isDirectory(c);
    },
    readText(path) {
      const c = visible(path);
      return c === null ? null : context.readText(c);
    },
    list(path) {
      const c = visible(path);
      if (c === null) return [];
      return context.list(c).filter((name) => !context.isExcluded(c ? `${c}/${name}` : name));
    },
  };
}

/** The COPY lines (sources and destination) that put the manifests in place, files first. */
export function copyLines(
  copy: BroadCopy,
  manifests: Manifest[],
): { sources: string[]; dest: string }[] {
  const groups = new Map<string, string[]>();
  for (const m of manifests.filter((m) => !m.dir)) {
    groups.set(m.targetDir, [...(groups.get(m.targetDir) ?? []), m.source]);
  }
  const lines = [...groups].map(([dir, sources]) => ({ sources, dest: destFor(copy, dir) }));
  for (const m of manifests.filter((m) => m.dir))
    lines.push({ sources: [m.source], dest: destFor(copy, m.targetDir) });
  // The first line replaces the broad COPY: the one for its own destination, if any.
  lines.sort((a, b) => Number(b.dest === destFor(copy, '')) - Number(a.dest === destFor(copy, '')));
  return lines;
}

function destFor(copy: BroadCopy, rel: string): string {
  const text = copy.destText;
  const base = text === '.' || text === './' ? './' : text.endsWith('/') ? text : `${text}/`;
  return rel === '' ? base : `${base}${rel}/`;
}
