#!/usr/bin/env node
/**
 * The end-to-end suite: real builds of the sample apps in test/e2e/apps, before and after dockopt.
 *
 *   npm run test:e2e [-- app ...]        every app (or those named); assert, print the table
 *   npm run test:e2e -- --ci             the apps marked "ci": true in their e2e.json
 *   npm run bench:images [-- app ...]    also a warm rebuild for every variant; print the table
 *
 * For each app: the original, `dockopt --write` (safe) and `dockopt --write --unsafe` rewrites of a
 * fresh copy are built with buildah (the suite's own storage, see env.sh) on base images made
 * locally (bases/make-bases.sh); the smoke command runs in each image; sizes and layers are
 * compared; where copy-order applied, a warm rebuild after a source-only change must re-use the
 * dependency layer. Apps may add the `build` variant (`--build --verify`) and a best.Dockerfile
 * (the hand-written best rewrite: the table then gives each variant's share of its saving).
 * Needs root, buildah and debootstrap; not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBuilder } from '../../dist/src/builder/detect.js';
import { transforms } from '../../dist/src/index.js';
import { checkApp } from './lib/checks.js';
import {
  E2E_DIR,
  ensureBases,
  knownBases,
  REPO_DIR,
  useSuiteEnvironment,
} from './lib/environment.js';
import { measureVariant } from './lib/measure.js';
import { resultsTable } from './lib/table.js';
import { dockoptHelp, prepareVariant, sameBuild, variantsOf } from './lib/variants.js';

const args = process.argv.slice(2);
const bench = args.includes('--bench');
const ciOnly = args.includes('--ci');
const named = args.filter((a) => !a.startsWith('--'));
const started = Date.now();
const log = (message) =>
  process.stderr.write(
    `[e2e ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
  );

function loadApps() {
  const root = join(E2E_DIR, 'apps');
  const all = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'e2e.json')))
    .sort()
    .map((name) => ({
      name,
      dir: join(root, name),
      ...JSON.parse(readFileSync(join(root, name, 'e2e.json'), 'utf8')),
    }));
  const unknown = named.filter((n) => !all.some((a) => a.name === n));
  if (unknown.length)
    throw new Error(
      `unknown app(s): ${unknown.join(', ')} (known: ${all.map((a) => a.name).join(', ')})`,
    );
  if (named.length) return all.filter((a) => named.includes(a.name));
  return ciOnly ? all.filter((a) => a.ci) : all;
}

/** Whether dockopt builds images itself for this variant (`--build`, `--verify`). */
function buildsImages(variant) {
  return (variant.args ?? []).some((arg) => arg === '--build' || arg === '--verify');
}

/**
 * The stand-ins of the runtime images a stage split may move to (distroless), which no other
 * variant's Dockerfile names before dockopt --build picks one.
 */
function runtimeStandIns() {
  return [...knownBases()]
    .filter((image) => image.startsWith('gcr.io/distroless/'))
    .map((image) => `FROM ${image}\n`);
}

/** `dockopt verify` itself, with the real builder, on a fresh copy of the original. */
function runVerifyCommand(app, workRoot) {
  const { dir } = prepareVariant(app, { name: 'verify-command', args: null }, workRoot);
  log(`${app.name}: dockopt verify --unsafe --builder buildah --smoke ...`);
  const result = spawnSync(
    process.execPath,
    [
      join(REPO_DIR, 'bin', 'dockopt.js'),
      'verify',
      '--unsafe',
      '--builder',
      'buildah',
      '--smoke',
      app.smoke,
      'Dockerfile',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  process.stderr.write(result.stdout);
  const row = result.stdout.split('\n').find((line) => line.startsWith('Dockerfile'));
  return {
    app: app.name,
    name: 'dockopt verify (buildah): exit 0, row "ok"',
    ok: result.status === 0 && /^Dockerfile\s+ok\s/.test(row ?? ''),
    detail:
      result.status === 0 ? (row ?? '') : `exit ${result.status}: ${result.stderr.slice(-2000)}`,
  };
}

async function main() {
  const cache = useSuiteEnvironment();
  const workRoot = join(cache, 'work');
  mkdirSync(workRoot, { recursive: true });
  const apps = loadApps();
  const builder = await findBuilder('buildah');
  const categories = new Map(transforms.map((t) => [t.meta.id, t.meta.category]));
  log(
    `${apps.length} app(s) with ${builder.description}; storage ${process.env.CONTAINERS_STORAGE_CONF}`,
  );

  const rows = [];
  const checks = [];
  const skipped = [];
  const help = dockoptHelp();
  for (const app of apps) {
    const variants = variantsOf(app, help);
    for (const variant of variants.filter((v) => v.skipped)) {
      log(`${app.name}: SKIPPED ${variant.name}: ${variant.skipped}`);
      skipped.push({ app: app.name, variant: variant.name, reason: variant.skipped });
    }
    // The variants dockopt only rewrites come first: `--build --verify` builds images itself, so
    // the bases it may build on (theirs, and the runtime stand-ins it may choose) must exist first.
    const rewriteOnly = variants.filter((v) => !v.skipped && !buildsImages(v));
    const buildsItself = variants.filter((v) => !v.skipped && buildsImages(v));
    const prepared = new Map(rewriteOnly.map((v) => [v, prepareVariant(app, v, workRoot)]));
    const logBases = (message) => log(`${app.name}: ${message}`);
    if (buildsItself.length > 0)
      ensureBases([...prepared.values()].map((p) => p.text).concat(runtimeStandIns()), logBases);
    for (const variant of buildsItself) {
      log(`${app.name}: dockopt ${variant.args.join(' ')}`);
      prepared.set(variant, prepareVariant(app, variant, workRoot));
      log(
        `${app.name}: ${variant.name}: dockopt took ${prepared.get(variant).seconds.toFixed(1)} s`,
      );
    }
    // In the app's order (original, safe, unsafe, build, best): the table and checks follow it.
    const measuredVariants = variants.map((v) =>
      prepared.has(v) ? { ...v, ...prepared.get(v) } : v,
    );
    const built = measuredVariants.filter((v) => !v.skipped);
    const missing = ensureBases(
      built.map((v) => v.text),
      logBases,
    );
    const anyCopyOrder = built.some((v) => v.applied.includes('copy-order'));
    for (const variant of built) {
      const same = built.find((v) => v !== variant && v.measured && sameBuild(v, variant));
      if (same) {
        variant.measured = same.measured;
        variant.sameAs = same.name;
        continue;
      }
      const absent = missing.filter((image) => variant.text.includes(image));
      if (absent.length) {
        variant.measured = {
          cold: { ok: false, log: `base image(s) not available here: ${absent.join(', ')}` },
        };
        continue;
      }
      // The original's warm rebuild is for the table's comparison only (no check reads it): CI,
      // which keeps its run short, goes without it.
      const warm =
        bench ||
        variant.applied.includes('copy-order') ||
        (anyCopyOrder && variant.name === 'original' && !ciOnly);
      log(
        `${app.name}: building ${variant.name}${warm ? ' (cold, then warm after a source change)' : ''}`,
      );
      variant.measured = await measureVariant(builder, {
        dir: variant.dir,
        smoke: app.smoke,
        source: app.source ?? null,
        warm,
      });
      const cold = variant.measured.cold;
      log(
        `${app.name}: ${variant.name}: ${cold.ok ? `${cold.size} bytes, ${cold.layers} layers, ${cold.seconds.toFixed(1)} s` : 'build failed'}`,
      );
    }
    checks.push(...checkApp(app, measuredVariants, categories));
    if (app.verify) checks.push(runVerifyCommand(app, workRoot));
    rows.push(...measuredVariants.map((variant) => ({ app: app.name, variant })));
  }

  process.stdout.write(`\n${resultsTable(rows)}\n`);
  const failed = checks.filter((c) => !c.ok);
  process.stdout.write(
    `${checks.length - failed.length}/${checks.length} checks passed${skipped.length ? `, ${skipped.length} variant(s) skipped` : ''} in ${((Date.now() - started) / 60000).toFixed(1)} min\n`,
  );
  for (const skip of skipped)
    process.stdout.write(`SKIPPED ${skip.app}: ${skip.variant} variant: ${skip.reason}\n`);
  for (const check of failed)
    process.stdout.write(
      `FAILED ${check.app}: ${check.name}\n  ${check.detail.replace(/\n/g, '\n  ')}\n`,
    );
  if (process.env.DOCKOPT_E2E_VERBOSE)
    for (const check of checks.filter((c) => c.ok))
      process.stdout.write(`ok ${check.app}: ${check.name} ${check.detail}\n`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`e2e: ${error.stack ?? error}\n`);
    process.exit(2);
  },
);
