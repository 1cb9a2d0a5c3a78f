/**
 * The variants of a sample app: the original, what `dockopt --write` makes of it (the safe set),
 * and what `dockopt --write --unsafe` makes of it; for apps that ask for them, what `dockopt
 * --write --unsafe --build --verify` makes of it (build: the planners may build the original and
 * ask it), and `best.Dockerfile`, the hand-written best rewrite the others are measured against.
 * Each is a fresh copy of the app folder (the build context), rewritten by the real CLI, so every
 * transform on the branch is exercised.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_DIR } from './environment.js';

/** The hand-written best rewrite, beside the app's Dockerfile; never part of the build context. */
export const BEST_DOCKERFILE = 'best.Dockerfile';

/** Files of an app folder that describe the app and are kept out of every variant's context. */
const NOT_CONTEXT = new Set(['e2e.json', BEST_DOCKERFILE]);

export const VARIANTS = [
  { name: 'original', args: null },
  { name: 'safe', args: ['--write'] },
  { name: 'unsafe', args: ['--write', '--unsafe'] },
];

/** `dockopt --write --unsafe --build --verify`: for apps with `"build": true` in e2e.json. */
const BUILD_VARIANT = {
  name: 'build',
  args: ['--write', '--unsafe', '--build', '--verify', '--builder', 'buildah'],
};

/**
 * The variants to measure for an app: VARIANTS, then `build` (when the app asks for it; skipped,
 * with the reason, when this dockopt has no --build option) and `best` (when the app has a
 * best.Dockerfile).
 * @param dockoptHelp the output of `dockopt --help`
 */
export function variantsOf(app, dockoptHelp) {
  const variants = [...VARIANTS];
  if (app.build) {
    if (/^\s+(?:-\w, )?--build\s/m.test(dockoptHelp)) {
      // dockopt's own smoke command runs with /bin/sh -c: only a string smoke can be passed on.
      const smoke = typeof app.smoke === 'string' ? ['--smoke', app.smoke] : [];
      variants.push({ ...BUILD_VARIANT, args: [...BUILD_VARIANT.args, ...smoke] });
    } else
      variants.push({
        name: BUILD_VARIANT.name,
        skipped: 'this dockopt has no --build option (`node bin/dockopt.js --help`)',
      });
  }
  if (existsSync(join(app.dir, BEST_DOCKERFILE)))
    variants.push({ name: 'best', args: null, dockerfile: BEST_DOCKERFILE });
  return variants;
}

/** `dockopt --help`, read once per run. */
export function dockoptHelp() {
  const result = spawnSync(process.execPath, [join(REPO_DIR, 'bin', 'dockopt.js'), '--help'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`dockopt --help failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * Copies the app to `<workRoot>/<app>/<variant>` and rewrites it there (or, for `best`, puts the
 * hand-written rewrite in place of the Dockerfile).
 * @returns {{ dir, text, ignore, applied: string[], findings: object[], layersInFile, seconds }}
 */
export function prepareVariant(app, variant, workRoot) {
  const dir = join(workRoot, app.name, variant.name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(app.dir, dir, {
    recursive: true,
    filter: (path) => !NOT_CONTEXT.has(relative(app.dir, path)),
  });
  if (variant.dockerfile) copyFileSync(join(app.dir, variant.dockerfile), join(dir, 'Dockerfile'));
  const started = Date.now();
  let findings = [];
  let layersInFile = null;
  let rolledBack = null;
  if (variant.args) {
    const result = spawnSync(
      process.execPath,
      [join(REPO_DIR, 'bin', 'dockopt.js'), ...variant.args, '--format', 'json', 'Dockerfile'],
      { cwd: dir, encoding: 'utf8' },
    );
    // With --verify, exit 1 means a rewrite did not build and was rolled back: a result to check.
    const verifying = variant.args.includes('--verify');
    if (verifying) rolledBack = result.status === 1 ? result.stderr.slice(-2000) : '';
    if (result.status !== 0 && !(verifying && result.status === 1))
      throw new Error(
        `dockopt ${variant.args.join(' ')} failed (${result.status}): ${result.stderr}`,
      );
    const report = JSON.parse(result.stdout);
    findings = fixedFindings(report);
    const layers = report.files?.[0]?.layers;
    if (layers) layersInFile = { before: layers.before.total, after: layers.after.total };
  }
  const ignorePath = join(dir, '.dockerignore');
  return {
    dir,
    text: readFileSync(join(dir, 'Dockerfile'), 'utf8'),
    /** The context's ignore file after the rewrite (dockerignore may write it), or null. */
    ignore: existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8') : null,
    applied: [...new Set(findings.map((f) => f.transform))],
    findings,
    /** RUN/COPY/ADD instructions before and after the rewrite, as dockopt counts them. */
    layersInFile,
    /** How long dockopt took (it builds images itself with --build --verify). */
    seconds: (Date.now() - started) / 1000,
    /** With --verify: '' when nothing was rolled back, else dockopt's report (stderr); else null. */
    rolledBack,
  };
}

/** The findings that were applied, from dockopt's JSON report (one file). */
function fixedFindings(report) {
  const files = report.files ?? [];
  return files.flatMap((file) => (file.findings ?? []).filter((f) => f.fixed === true));
}

/** Whether two variants build the same thing: same Dockerfile, same ignore file. */
export function sameBuild(a, b) {
  return a.text === b.text && a.ignore === b.ignore;
}
