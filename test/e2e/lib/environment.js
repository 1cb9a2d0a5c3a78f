/**
 * The suite's builder environment and base images: the environment comes from env.sh (its own
 * vfs storage, chroot isolation), the bases from bases/make-bases.sh, made only when a Dockerfile
 * about to be built names them (and only once: the script is idempotent).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = join(E2E_DIR, '..', '..');

/** Sets process.env from env.sh, so every builder command (and dockopt) uses the suite's storage. */
export function useSuiteEnvironment() {
  const result = spawnSync('bash', [join(E2E_DIR, 'env.sh'), '--print'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`env.sh failed: ${result.stderr}`);
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    process.env[line.slice(0, at)] = line.slice(at + 1);
  }
  return process.env.DOCKOPT_E2E_CACHE;
}

/** Images make-bases.sh knows how to make. */
export function knownBases() {
  const result = spawnSync('bash', [join(E2E_DIR, 'bases', 'make-bases.sh'), '--list'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`make-bases.sh --list failed: ${result.stderr}`);
  return new Set(result.stdout.split('\n').filter(Boolean));
}

/** The images a Dockerfile's stages start from (not other stages, not scratch). */
export function baseImagesOf(dockerfileText) {
  const stages = new Set();
  const images = [];
  for (const line of dockerfileText.split('\n')) {
    const match = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!match) continue;
    const [, image, stage] = match;
    if (!stages.has(image.toLowerCase()) && image !== 'scratch') images.push(image);
    if (stage) stages.add(stage.toLowerCase());
  }
  return images;
}

/**
 * Makes the bases these Dockerfiles need (those the script knows); returns the ones it does not
 * know, which cannot be built here (no registry).
 */
export function ensureBases(dockerfileTexts, log) {
  const known = knownBases();
  const wanted = [...new Set(dockerfileTexts.flatMap(baseImagesOf))];
  const makeable = wanted.filter((image) => known.has(image));
  if (makeable.length > 0) {
    log(`bases: ${makeable.join(', ')}`);
    const result = spawnSync('bash', [join(E2E_DIR, 'bases', 'make-bases.sh'), ...makeable], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`make-bases.sh failed (exit ${result.status})`);
  }
  return wanted.filter((image) => !known.has(image));
}

/**
 * Removes every untagged image of the suite's storage: the intermediate images `buildah bud
 * --layers` keeps as its layer cache, from this run or earlier ones. Without this, a "cold" build
 * of a Dockerfile built before is a cache hit and its time means nothing. Tagged images (the
 * bases) stay.
 */
export function dropLayerCache() {
  const list = spawnSync('buildah', ['images', '--all', '--json'], { encoding: 'utf8' });
  if (list.status !== 0) throw new Error(`buildah images failed: ${list.stderr}`);
  const untagged = JSON.parse(list.stdout || '[]')
    .filter((image) => !image.names || image.names.length === 0)
    .map((image) => image.id);
  if (untagged.length === 0) return;
  // Parents and children may be listed in any order: force, and ignore ones already gone.
  spawnSync('buildah', ['rmi', '--force', ...untagged], { encoding: 'utf8' });
}
