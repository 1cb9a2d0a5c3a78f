/**
 * Processing one file, as a function of its path and settings alone: read it, run the engine, and
 * describe the outcome as plain data (a `FileResult`) that can cross a worker-thread boundary.
 * Nothing is written and nothing is printed here: writing, reporting and git happen in the main
 * thread, in input order, whatever order the workers finish in.
 */
import { initialize, optimizeSync } from '../api.js';
import type { BuildFacts } from '../core/build-facts.js';
import type { Settings } from '../core/context.js';
import { NotADockerfileError, type Finding } from '../core/engine.js';
import type { LayerCount } from '../core/layers.js';
import type { Selection } from '../core/selection.js';
import { SourceError } from '../core/source.js';
import { join } from 'node:path';
import { contextRootFor, fsBuildContext } from '../fs/build-context.js';
import { FileError, readDockerfile } from './files.js';
import { loadTransformModules } from './custom-transforms.js';
import { unifiedDiff } from './output.js';

/** Everything that decides how one file is processed. Plain data: it is sent to workers. */
export interface FileSettings extends Selection, Settings {
  /** Per transform id, option values. */
  options?: Record<string, Record<string, unknown>>;
  /** Absolute paths of custom transform modules, appended to the registry. */
  transformModules?: string[];
  /** Build context directory (default: the Dockerfile's directory). */
  context?: string;
  maxFileSize: number;
  /** Compute a unified diff of the change (for the text report). */
  diff: boolean;
}

export interface FileTask {
  /** The path to read, or `-` for text given in `stdinText`. */
  path: string;
  /** The name shown in messages (the path, or `--stdin-filepath` for stdin). */
  name: string;
  stdinText?: string;
  settings: FileSettings;
  /** What builds of the original told (`--build`), for a second run of the file. */
  buildFacts?: BuildFacts;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileResult {
  path: string;
  name: string;
  /** `error`: the file could not be processed at all (unreadable, not a Dockerfile, a crash). */
  status: FileStatus;
  findings: Finding[];
  /** Error messages about this file (a fix reverted, a failed read, a failed write). */
  errors: string[];
  /** Why the whole file was left alone, when `status` is `skipped`. */
  skipped?: string;
  /** The file as read (absent when it could not be read). */
  original?: string;
  /** The rewritten file, when it differs from `original`. */
  output?: string;
  /** Unified diff of the change (when asked for and changed), without colour. */
  diff?: string;
  /** Mode and owner of the file as read, so a write can keep them. */
  file?: { mode: number; uid: number; gid: number };
  layers?: { before: LayerCount; after: LayerCount };
  /** Sum of the estimated savings of the fixes applied. */
  estimatedBytes: number;
  /** Other files of the build context the run changes (a `.dockerignore`). */
  files?: ContextFileChange[];
  /** `--build`: what builds told, and what became of the rewrite that rests on it. */
  build?: FileBuildInfo;
}

export interface FileBuildInfo {
  /** Each stage a transform asked about: answered or not, from the cache, what it told (or why not). */
  stages: { stage: number; ok: boolean; fromCache: boolean; told: string }[];
  /** Indexes into `findings` of those made with build facts (the run without them had none such). */
  informed: number[];
  /**
   * The rewrite with build facts: `same` as without them; `verified` (built and checked before
   * writing); `rolled-back` (it failed: the result is the run without build facts); `not-verified`
   * (a dry run, a check: shown as is).
   */
  rewrite: 'same' | 'verified' | 'rolled-back' | 'not-verified';
}

export interface ContextFileChange {
  /** Where the file is (the context directory joined with its context path). */
  path: string;
  /** Its contents when processed; null when it did not exist. */
  before: string | null;
  after: string;
  /** Its part of `FileResult.diff`, when a diff was asked for. */
  diff?: string;
}

export async function processFile(task: FileTask): Promise<FileResult> {
  const { path, name, settings } = task;
  const base: FileResult = {
    path,
    name,
    status: 'error',
    findings: [],
    errors: [],
    estimatedBytes: 0,
  };
  let text: string;
  try {
    if (task.stdinText !== undefined) text = task.stdinText;
    else {
      const read = readDockerfile(path, settings.maxFileSize);
      text = read.text;
      base.file = { mode: read.stat.mode, uid: read.stat.uid, gid: read.stat.gid };
    }
  } catch (error) {
    return { ...base, errors: [error instanceof FileError ? error.message : String(error)] };
  }
  base.original = text;
  try {
    await initialize();
    const transforms = await loadTransformModules(settings.transformModules ?? []);
    const contextRoot = path === '-' ? settings.context : contextRootFor(path, settings.context);
    const result = optimizeSync(text, {
      only: settings.only,
      enable: settings.enable,
      disable: settings.disable,
      unsafe: settings.unsafe,
      options: settings.options,
      transforms,
      filename: name,
      settings: { cacheStrategy: settings.cacheStrategy, basePolicy: settings.basePolicy },
      buildContext: contextRoot ? fsBuildContext(contextRoot, path === '-' ? null : path) : null,
      buildFacts: task.buildFacts ?? null,
    });
    const errors = result.errors.map((e) => `${e.transform ? `${e.transform}: ` : ''}${e.message}`);
    const common = {
      ...base,
      findings: result.findings,
      errors,
      ...(result.layers ? { layers: result.layers } : {}),
    };
    if (result.skipped) return { ...common, status: 'skipped', skipped: result.skipped };
    if (!result.changed) return { ...common, status: 'unchanged' };
    const files = result.files.map((f) => {
      const filePath = join(contextRoot!, f.path);
      return {
        path: filePath,
        before: f.before,
        after: f.after,
        ...(settings.diff
          ? { diff: unifiedDiff(filePath, f.before ?? '', f.after, false, f.before === null) }
          : {}),
      };
    });
    const diffs = [
      ...(settings.diff && result.output !== text
        ? [unifiedDiff(name, text, result.output, false)]
        : []),
      ...files.map((f) => f.diff ?? ''),
    ];
    return {
      ...common,
      status: 'changed',
      ...(files.length ? { files } : {}),
      output: result.output,
      estimatedBytes: result.findings.reduce(
        (sum, f) => sum + (f.status === 'fixed' ? (f.estimate?.bytes ?? 0) : 0),
        0,
      ),
      ...(settings.diff ? { diff: diffs.join('') } : {}),
    };
  } catch (error) {
    const message =
      error instanceof SourceError || error instanceof NotADockerfileError
        ? error.message
        : `internal error: ${(error as Error).stack ?? error}`;
    return { ...base, errors: [message] };
  }
}

/** A result for a path that never reached processing (discovery failed for it). */
export function errorResult(path: string, message: string): FileResult {
  return { path, name: path, status: 'error', findings: [], errors: [message], estimatedBytes: 0 };
}
