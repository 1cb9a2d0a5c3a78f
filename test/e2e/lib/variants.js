/**
 * The three variants of a sample app: the original, what `dockopt --write` makes of it (the safe
 * set), and what `dockopt --write --unsafe` makes of it. Each is a fresh copy of the app folder
 * (the build context), rewritten by the real CLI, so every transform on main is exercised.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR } from './environment.js';

export const VARIANTS = [
  { name: 'original', args: null },
  { name: 'safe', args: ['--write'] },
  { name: 'unsafe', args: ['--write', '--unsafe'] },
];

/**
 * Copies the app to `<workRoot>/<app>/<variant>` and rewrites it there.
 * @returns {{ dir, text, ignore, applied: string[], findings: object[], layersInFile }}
 */
export function prepareVariant(app, variant, workRoot) {
  const dir = join(workRoot, app.name, variant.name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(app.dir, dir, { recursive: true, filter: (path) => !path.endsWith('e2e.json') });
  let findings = [];
  let layersInFile = null;
  if (variant.args) {
    const result = spawnSync(
      process.execPath,
      [join(REPO_DIR, 'bin', 'dockopt.js'), ...variant.args, '--format', 'json', 'Dockerfile'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (result.status !== 0)
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
