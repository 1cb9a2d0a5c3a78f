/**
 * One measured build: build a Dockerfile (from disk, or a rewritten text) in its real context under
 * a temporary tag, read back size and layers, run the smoke command, and remove the image.
 *
 * A rewritten text is written to a temporary directory outside the context (so it cannot end up
 * in the image through `COPY . .`), under the original's file name, with the original's own
 * `<name>.dockerignore` beside it when there is one (BuildKit looks for that next to the
 * Dockerfile), or the rewritten ignore file when the rewrite changes it.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { onExitCleanup, type TempNames } from '../builder/temp-images.js';
import type { Builder, ImageFacts, SmokeResult } from '../builder/types.js';
import type { CheckOutcome, ImageCheck } from './entry-check.js';

/** What a rewrite changes: the Dockerfile, and possibly the ignore file of its build context. */
export interface Rewrite {
  dockerfile: string;
  /** The new contents of the ignore file that applies to the build; null: left as it is. */
  dockerignore: string | null;
}

export interface BuildSettings {
  builder: Builder;
  names: TempNames;
  /** Build context directory. */
  context: string;
  target?: string;
  buildArgs?: readonly string[];
  /** Command run with `/bin/sh -c` in the image after it is built. */
  smoke?: string;
  /** A check run in each rewrite's image (not the original's): must pass (entry-check.ts). */
  check?: ImageCheck;
  /** Also ask the builder for the compressed size (slow: compresses the whole image). */
  compressed?: boolean;
  /** Streams build logs. */
  onOutput?: (chunk: string) => void;
}

export interface Measurement {
  ok: boolean;
  seconds: number;
  /** The end of the build log (the builder's error when it failed). */
  log: string;
  facts?: ImageFacts;
  compressed?: number | null;
  smoke?: SmokeResult;
  /** The outcome of `BuildSettings.check` (rewrites only). */
  check?: CheckOutcome;
}

export interface MeasuredImage {
  measurement: Measurement;
  /** The temporary tag; call `release` to remove the image (it is also removed at exit). */
  tag: string;
  release: () => Promise<void>;
}

/**
 * Builds `dockerfile` (a path on disk), or a rewrite of it: its text written as a temporary copy,
 * with the rewritten ignore file beside it when the rewrite changes that too.
 */
export async function buildAndMeasure(
  settings: BuildSettings,
  dockerfile: string,
  label: string,
  rewrite?: Rewrite,
): Promise<MeasuredImage> {
  const { builder } = settings;
  const tag = settings.names.tag(label);
  const forget = onExitCleanup(`image:${tag}`, () => builder.removeSync([tag]));
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await builder.remove([tag]);
    forget();
  };
  const temp = rewrite ? writeTempDockerfile(dockerfile, rewrite) : null;
  try {
    const build = await builder.build({
      dockerfile: temp?.path ?? dockerfile,
      context: settings.context,
      tag,
      target: settings.target,
      buildArgs: settings.buildArgs,
      ignoreFile: temp?.ignoreFile,
      onOutput: settings.onOutput,
    });
    const measurement: Measurement = { ok: build.ok, seconds: build.seconds, log: build.log };
    if (build.ok) {
      measurement.facts = await builder.inspect(tag);
      if (settings.compressed) measurement.compressed = await builder.compressedSize(tag);
      if (settings.smoke !== undefined)
        measurement.smoke = await builder.smoke(tag, settings.smoke);
      if (settings.check && rewrite) measurement.check = await settings.check(builder, tag);
    }
    return { measurement, tag, release };
  } catch (error) {
    await release();
    throw error;
  } finally {
    temp?.remove();
  }
}

function writeTempDockerfile(original: string, rewrite: Rewrite) {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-verify-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const forget = onExitCleanup(`dir:${dir}`, remove);
  const path = join(dir, basename(original));
  writeFileSync(path, rewrite.dockerfile);
  // BuildKit reads `<Dockerfile>.dockerignore` before the context's `.dockerignore`.
  const ignore = `${path}.dockerignore`;
  const own = join(dirname(original), `${basename(original)}.dockerignore`);
  if (rewrite.dockerignore !== null) writeFileSync(ignore, rewrite.dockerignore);
  else if (existsSync(own)) copyFileSync(own, ignore);
  return {
    path,
    /** Set when the rewrite changes the ignore file: builders that take a path are given it. */
    ignoreFile: rewrite.dockerignore !== null ? ignore : undefined,
    remove: () => {
      remove();
      forget();
    },
  };
}
