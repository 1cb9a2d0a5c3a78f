/**
 * The programmatic entry point: `await optimize(text, options)`. The CLI is a client of this.
 */
import type { BuildFacts } from './core/build-facts.js';
import type { BuildContext, Settings } from './core/context.js';
import { runEngine, type ChangedFile, type EngineError, type Finding } from './core/engine.js';
import { selectTransforms, type Selection } from './core/selection.js';
import { readSource } from './core/source.js';
import type { LayerCount } from './core/layers.js';
import type { Transform } from './core/transform.js';
import { initShellParser } from './shell/parser.js';
import { builtinTransforms } from '../transforms/index.js';

export interface OptimizeOptions extends Selection {
  /** Informative: used in messages. */
  filename?: string;
  /** Per transform id, option values. */
  options?: Record<string, Record<string, unknown>>;
  /** Extra transforms (same interface as the built-in ones), appended to the registry. */
  transforms?: readonly Transform[];
  /** Run-wide settings: cache strategy, base-image policy. */
  settings?: Partial<Settings>;
  /** The build context, for transforms that look at files (copy-order, dockerignore). */
  buildContext?: BuildContext | null;
  /**
   * What builds of the original told, by stage index: the answers to the `question`s of an
   * earlier run's findings (see src/facts, `gatherFacts`). Absent: transforms ask instead.
   */
  buildFacts?: BuildFacts | null;
}

export interface OptimizeResult {
  output: string;
  /** The Dockerfile changes, or another file of the build context does (see `files`). */
  changed: boolean;
  /** Files of the build context to create or change besides the Dockerfile (a `.dockerignore`). */
  files: ChangedFile[];
  findings: Finding[];
  errors: EngineError[];
  /** Why the whole file was left alone, if it was. */
  skipped: string | null;
  /** RUN/COPY/ADD instruction counts (each adds an image layer) before and after. */
  layers: { before: LayerCount; after: LayerCount } | null;
}

/** Loads the shell grammar. `optimize` calls it; call it yourself before `optimizeSync`. */
export function initialize(): Promise<void> {
  return initShellParser();
}

export async function optimize(
  text: string,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  await initialize();
  return optimizeSync(text, options);
}

/** Synchronous variant for callers that awaited `initialize()` once (a worker, a tight loop). */
export function optimizeSync(text: string, options: OptimizeOptions = {}): OptimizeResult {
  const all = [...builtinTransforms, ...(options.transforms ?? [])];
  const transforms = selectTransforms(all, options);
  const source = readSource(text, options.filename);
  const result = runEngine(source, {
    transforms,
    options: options.options,
    settings: options.settings,
    buildContext: options.buildContext,
    buildFacts: options.buildFacts,
  });
  return {
    output: result.output,
    changed: result.changed,
    files: result.files,
    findings: result.findings,
    errors: result.errors,
    skipped: result.skipped,
    layers: result.layers,
  };
}
