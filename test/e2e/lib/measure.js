/**
 * Measuring one variant with the real builder, through dockopt's own builder layer (dist/): a cold
 * build (the variant's own layers from scratch; only the base image is there), size and layers,
 * the smoke command, and optionally a warm rebuild after a source-only change, which tells whether
 * the dependency layer was re-used. Both images are removed afterwards (vfs keeps a full copy of
 * the root file system per layer); the layer cache is dropped before each cold build, so that no
 * layer of an earlier build (this run's or another's) is re-used.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { TempNames } from '../../../dist/src/builder/temp-images.js';
import { buildAndMeasure } from '../../../dist/src/verify/measure.js';
import { dropLayerCache } from './environment.js';

/** A RUN that installs dependencies from manifests: the layer copy-order keeps cached. */
const DEPENDENCY_INSTALL =
  /\b(npm (ci|install)|yarn( install)?$|yarn install|pnpm install|go mod download|pip3? install|poetry install|bundle install|composer install)\b/;

const names = new TempNames('localhost/dockopt-e2e');

/**
 * @param builder a dockopt Builder (buildah here)
 * @param options { dir, smoke, source (file to touch for the warm rebuild) or null, warm: boolean }
 *   smoke: a command for `/bin/sh -c` (dockopt's builder runs it), or a list of argument vectors
 *   run one after the other without a shell (images without one: distroless)
 */
export async function measureVariant(builder, options) {
  const execSmoke = Array.isArray(options.smoke) ? options.smoke : null;
  const settings = {
    builder,
    names,
    context: options.dir,
    smoke: execSmoke ? undefined : options.smoke,
  };
  const dockerfile = join(options.dir, 'Dockerfile');
  dropLayerCache();
  const cold = await buildAndMeasure(settings, dockerfile, 'cold');
  const images = [cold];
  if (execSmoke && cold.measurement.ok)
    cold.measurement.smoke = smokeWithoutShell(cold.tag, execSmoke);
  try {
    const result = { cold: summary(cold.measurement) };
    if (!cold.measurement.ok || !options.warm || !options.source) return result;
    touchSource(join(options.dir, options.source));
    const warm = await buildAndMeasure({ ...settings, smoke: undefined }, dockerfile, 'warm');
    images.push(warm);
    result.warm = summary(warm.measurement);
    if (warm.measurement.ok)
      result.dependencyLayer = dependencyLayerReuse(cold.measurement.facts, warm.measurement.facts);
    return result;
  } finally {
    // Newest first: the warm image's layers sit on the cold one's.
    for (const image of images.reverse()) await image.release();
  }
}

/**
 * Runs each argument vector in a container of the image (`buildah run`, no shell: the program is
 * looked up in the image's PATH), stopping at the first that fails. Same shape as the builder's
 * smoke result: { code, output }.
 */
export function smokeWithoutShell(image, commands) {
  const run = (args) => spawnSync('buildah', args, { encoding: 'utf8' });
  const from = run(['from', '--pull=never', '--quiet', image]);
  if (from.status !== 0) return { code: null, output: from.stderr };
  const container = from.stdout.trim();
  let output = '';
  try {
    for (const argv of commands) {
      const result = run(['run', container, '--', ...argv]);
      output += `$ ${argv.join(' ')}\n${result.stdout}${result.stderr}`;
      if (result.status !== 0) return { code: result.status, output };
    }
    return { code: 0, output };
  } finally {
    run(['rm', container]);
  }
}

function summary(measurement) {
  return {
    ok: measurement.ok,
    seconds: measurement.seconds,
    log: measurement.log,
    size: measurement.facts?.size,
    layers: measurement.facts?.layers,
    smoke: measurement.smoke,
  };
}

/** A source-only change: a comment line appended, in the file's own comment syntax. */
function touchSource(path) {
  const comment =
    {
      '.py': '# touched by the e2e suite',
      '.c': '/* touched by the e2e suite */',
      '.go': '// touched by the e2e suite',
    }[extname(path)] ?? '// touched by the e2e suite';
  appendFileSync(path, `\n${comment}\n`);
}

/**
 * Finds the layer made by the dependency install in both images (history entries with a layer
 * line up with the layer digests) and says whether the warm build kept it (same digest: a cache
 * hit; a re-run writes new files with new times, hence a new digest).
 */
export function dependencyLayerReuse(coldFacts, warmFacts) {
  const layerOf = (facts) => {
    const withLayers = facts.history.filter((h) => !h.emptyLayer);
    const offset = facts.diffIds.length - withLayers.length;
    const index = withLayers.findIndex((h) => DEPENDENCY_INSTALL.test(h.createdBy));
    return index < 0
      ? null
      : { step: withLayers[index].createdBy, digest: facts.diffIds[offset + index] };
  };
  const cold = layerOf(coldFacts);
  const warm = layerOf(warmFacts);
  if (!cold || !warm) return null;
  return { step: cold.step, reused: cold.digest === warm.digest };
}
