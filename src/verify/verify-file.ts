/**
 * Verifying one rewrite for real: build the original and the rewrite with the builder at hand,
 * compare what came out, and (when repairing, for `--write --verify`) find the transforms that broke
 * the build and keep the rewrite made without them.
 *
 * A rewrite "works" when it builds and, with a smoke command, the command exits with the same code
 * in the rewritten image as in the original, and, with a check (`BuildSettings.check`, the default
 * check of build-informed rewrites), the check passes in the rewritten image.
 */
import { logTail } from '../builder/process.js';
import { bisectCulprits, type Trial } from './bisect.js';
import { describeOutcome } from './entry-check.js';
import { buildAndMeasure, type BuildSettings, type Measurement, type Rewrite } from './measure.js';

export interface RewriteUnderTest {
  /** The Dockerfile on disk (the original is built from it, in `settings.context`). */
  path: string;
  original: string;
  rewrite: Rewrite;
  /** Ids of the transforms that changed the file, in application order. */
  changedBy: readonly string[];
  /** The rewrite made by exactly these transforms (for bisection). */
  rewriteWith?: (ids: string[]) => Promise<Rewrite>;
}

export type VerifyStatus =
  /** The rewrite builds (and its smoke command agrees with the original's). */
  | 'ok'
  /** The rewrite does not build. */
  | 'failed'
  /** The rewrite builds, but the smoke command's exit code differs from the original's. */
  | 'smoke-differs'
  /** The rewrite builds, but the check of its image fails (`BuildSettings.check`). */
  | 'check-failed'
  /** The original itself does not build (or its smoke command cannot run): nothing to compare. */
  | 'original-failed';

export interface Culprit {
  transform: string;
  /** Why the rewrite with it failed: the builder's error, or the smoke command's. */
  reason: string;
}

export interface FileVerification {
  path: string;
  status: VerifyStatus;
  /** Why, when status is not ok (the builder's error, the smoke exit codes). */
  reason?: string;
  before: Measurement;
  /** The full rewrite's build (absent when the original failed). */
  after?: Measurement;
  /** When repairing: the rewrite to write (null: nothing that works differs from the original). */
  output?: Rewrite | null;
  /** When repairing: the transforms whose changes are kept, and the build of that rewrite. */
  kept?: string[];
  keptBuild?: Measurement;
  culprits?: Culprit[];
  /** Builds made to find the culprits. */
  trials?: number;
}

export interface VerifyFileOptions {
  /** Bisect a failing rewrite and return the best one that works (`--write --verify`). */
  repair: boolean;
  onProgress?: (message: string) => void;
}

export async function verifyFile(
  target: RewriteUnderTest,
  settings: BuildSettings,
  options: VerifyFileOptions,
): Promise<FileVerification> {
  const progress = options.onProgress ?? (() => {});
  progress('building the original');
  const original = await buildAndMeasure(settings, target.path, 'before');
  try {
    const before = original.measurement;
    const originalProblem = problemWithOriginal(before, settings.smoke);
    if (originalProblem)
      return { path: target.path, status: 'original-failed', reason: originalProblem, before };

    const measure = async (rewrite: Rewrite, label: string) => {
      const image = await buildAndMeasure(settings, target.path, label, rewrite);
      await image.release();
      return image.measurement;
    };
    progress(`building the rewrite (${target.changedBy.join(', ')})`);
    const after = await measure(target.rewrite, 'after');
    const verdict = judge(before, after, settings.smoke);
    const result: FileVerification = {
      path: target.path,
      status: verdict.status,
      ...(verdict.reason ? { reason: verdict.reason } : {}),
      before,
      after,
    };
    if (verdict.status === 'ok') {
      if (options.repair)
        Object.assign(result, {
          output: target.rewrite,
          kept: [...target.changedBy],
          culprits: [],
        });
      return result;
    }
    if (!options.repair) return result;
    if (!target.rewriteWith) return { ...result, output: null, kept: [], culprits: [] };

    // Subsets of transforms can give the same rewrite (or none): build each rewrite once.
    const rewriteWith = target.rewriteWith;
    const key = (rewrite: Rewrite) => `${rewrite.dockerfile}\0${rewrite.dockerignore ?? ''}`;
    const unchanged: Rewrite = { dockerfile: target.original, dockerignore: null };
    type Detail = { build?: Measurement; reason?: string };
    const tried = new Map<string, Trial<Detail>>([
      [key(unchanged), { ok: true, detail: { build: before } }],
    ]);
    const fullFailure = { ok: false, detail: { build: after, reason: verdict.reason } };
    tried.set(key(target.rewrite), fullFailure);
    const bisection = await bisectCulprits(target.changedBy, fullFailure, async (ids) => {
      const rewrite = await rewriteWith(ids);
      const known = tried.get(key(rewrite));
      if (known) return known;
      progress(`trying the rewrite with ${ids.length ? ids.join(', ') : 'no transform'}`);
      const build = await measure(rewrite, 'try');
      const trialVerdict = judge(before, build, settings.smoke);
      const trial = {
        ok: trialVerdict.status === 'ok',
        detail: { build, reason: trialVerdict.reason },
      };
      tried.set(key(rewrite), trial);
      return trial;
    });
    const kept = bisection.kept.length ? await rewriteWith(bisection.kept) : unchanged;
    const changed = key(kept) !== key(unchanged);
    return {
      ...result,
      output: changed ? kept : null,
      kept: bisection.kept,
      ...(changed ? { keptBuild: tried.get(key(kept))?.detail.build } : {}),
      culprits: bisection.culprits.map((c) => ({
        transform: c.id,
        reason: c.trial.detail.reason ?? 'failed',
      })),
      trials: bisection.trials,
    };
  } finally {
    await original.release();
  }
}

function problemWithOriginal(before: Measurement, smoke: string | undefined): string | null {
  if (!before.ok) return `the original does not build:\n${before.log}`;
  if (smoke !== undefined && before.smoke?.code === null)
    return `the smoke command cannot run in the original image: ${logTail(before.smoke.output, 5)}`;
  return null;
}

function judge(
  before: Measurement,
  after: Measurement,
  smoke: string | undefined,
): { status: VerifyStatus; reason?: string } {
  if (!after.ok) return { status: 'failed', reason: `the rewrite does not build:\n${after.log}` };
  if (after.check && !after.check.ok)
    return { status: 'check-failed', reason: describeOutcome(after.check) };
  if (smoke === undefined) return { status: 'ok' };
  const was = before.smoke?.code;
  const now = after.smoke?.code;
  if (now === was) return { status: 'ok' };
  const output = logTail(after.smoke?.output ?? '', 10);
  return {
    status: 'smoke-differs',
    reason: `the smoke command exits ${now ?? 'without a code'} in the rewrite (original: ${was})${output ? `:\n${output}` : ''}`,
  };
}
