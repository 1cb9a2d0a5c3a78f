/**
 * The programmatic form of `dockopt --write --verify` for one file: optimise it, build the original
 * and the rewrite, and return the rewrite only as far as it builds (without the transforms that
 * broke it, found by bisection). Nothing is written: the caller decides.
 *
 *   const { output, verification } = await optimizeVerified('app/Dockerfile', { smoke: 'app --version' });
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { initialize, optimizeSync, type OptimizeOptions, type OptimizeResult } from '../api.js';
import { findBuilder } from '../builder/detect.js';
import { TempNames } from '../builder/temp-images.js';
import type { Builder, BuilderKind } from '../builder/types.js';
import { fsBuildContext } from '../fs/build-context.js';
import type { Rewrite } from './measure.js';
import { verifyFile, type FileVerification } from './verify-file.js';
import type { ChangedFile } from '../core/engine.js';

export interface VerifiedOptions extends Omit<OptimizeOptions, 'buildContext' | 'filename'> {
  /** A builder kind to look for (default: the first that works), or a builder already found. */
  builder?: BuilderKind | 'auto' | Builder;
  /** Build context directory (default: the Dockerfile's directory). */
  context?: string;
  target?: string;
  buildArgs?: readonly string[];
  smoke?: string;
  compressed?: boolean;
  /** Bisect a rewrite that does not work and keep what does (default true). */
  repair?: boolean;
  onProgress?: (message: string) => void;
}

export interface VerifiedResult {
  /** The Dockerfile to write: the rewrite as far as it was shown to work (else the original). */
  output: string;
  /** Other files of the build context to write with it (a `.dockerignore`), as far as they work. */
  files: ChangedFile[];
  changed: boolean;
  /** The optimisation of the whole file, before verification. */
  optimized: OptimizeResult;
  /** Null when there was nothing to verify (the file did not change). */
  verification: FileVerification | null;
}

export async function optimizeVerified(
  path: string,
  options: VerifiedOptions = {},
): Promise<VerifiedResult> {
  const text = readFileSync(path, 'utf8');
  await initialize();
  const context = options.context ?? dirname(path);
  const optimize = (selection: Partial<OptimizeOptions>) =>
    optimizeSync(text, {
      ...options,
      ...selection,
      filename: path,
      buildContext: fsBuildContext(context, path),
    });
  const optimized = optimize({});
  const unchanged = { output: text, files: [], changed: false, optimized };
  if (!optimized.changed) return { ...unchanged, verification: null };

  const builder =
    typeof options.builder === 'object' ? options.builder : await findBuilder(options.builder);
  const changedBy = [
    ...new Set(optimized.findings.filter((f) => f.status === 'fixed').map((f) => f.transform)),
  ];
  const subsets = new Map<string, OptimizeResult>([[key(rewriteOf(optimized)), optimized]]);
  const verification = await verifyFile(
    {
      path,
      original: text,
      rewrite: rewriteOf(optimized),
      changedBy,
      rewriteWith: async (ids) => {
        const subset = optimize({ only: ids, enable: [], disable: [] });
        subsets.set(key(rewriteOf(subset)), subset);
        return rewriteOf(subset);
      },
    },
    {
      builder,
      names: new TempNames(),
      context,
      target: options.target,
      buildArgs: options.buildArgs,
      smoke: options.smoke,
      compressed: options.compressed,
    },
    { repair: options.repair ?? true, onProgress: options.onProgress },
  );
  const kept =
    verification.status === 'ok'
      ? optimized
      : verification.output
        ? subsets.get(key(verification.output))
        : undefined;
  if (!kept) return { ...unchanged, verification };
  return { output: kept.output, files: kept.files, changed: true, optimized, verification };
}

function rewriteOf(result: OptimizeResult): Rewrite {
  const ignore = result.files.find((f) => f.path.endsWith('.dockerignore'));
  return { dockerfile: result.output, dockerignore: ignore ? ignore.after : null };
}

function key(rewrite: Rewrite): string {
  return `${rewrite.dockerfile}\0${rewrite.dockerignore ?? ''}`;
}
