/**
 * One measured build: build a Dockerfile (from disk, or a rewritten text) in its real context under
 * a temporary tag, read back size and layers, run the smoke command, and remove the image.
 *
 * A rewritten text is written to a temporary directory outside the context (so it cannot end up
 * in the image through `COPY . .`), under the original's file name, with the original's own
 * `<name>.dockerignore` beside it when there is one (BuildKit looks for that next to the
 * Dockerfile).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { onExitCleanup, type TempNames } from '../builder/temp-images.js';
import type { Builder, ImageFacts, SmokeResult } from '../builder/types.js';

export interface BuildSettings {
  builder: Builder;
  names: TempNames;
  /** Build context directory. */
  context: string;
  target?: string;
  buildArgs?: readonly string[];
  /** Command run with `/bin/sh -c` in the image after it is built. */
  smoke?: string;
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
}

export interface MeasuredImage {
  measurement: Measurement;
  /** The temporary tag; call `release` to remove the image (it is also removed at exit). */
  tag: string;
  release: () => Promise<void>;
}

/** Builds `dockerfile` (a path on disk) or `text` written as a temporary copy of it. */
export async function buildAndMeasure(
  settings: BuildSettings,
  dockerfile: string,
  label: string,
  text?: string,
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
  const temp = text === undefined ? null : writeTempDockerfile(dockerfile, text);
  try {
    const build = await builder.build({
      dockerfile: temp?.path ?? dockerfile,
      context: settings.context,
      tag,
      target: settings.target,
      buildArgs: settings.buildArgs,
      onOutput: settings.onOutput,
    });
    const measurement: Measurement = { ok: build.ok, seconds: build.seconds, log: build.log };
    if (build.ok) {
      measurement.facts = await builder.inspect(tag);
      if (settings.compressed) measurement.compressed = await builder.compressedSize(tag);
      if (settings.smoke !== undefined)
        measurement.smoke = await builder.smoke(tag, settings.smoke);
    }
    return { measurement, tag, release };
  } catch (error) {
    await release();
    throw error;
  } finally {
    temp?.remove();
  }
}

function writeTempDockerfile(original: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-verify-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const forget = onExitCleanup(`dir:${dir}`, remove);
  const path = join(dir, basename(original));
  writeFileSync(path, text);
  const ignore = join(dirname(original), `${basename(original)}.dockerignore`);
  if (existsSync(ignore)) copyFileSync(ignore, `${path}.dockerignore`);
  return {
    path,
    remove: () => {
      remove();
      forget();
    },
  };
}
