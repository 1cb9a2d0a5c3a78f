/**
 * The end-to-end apps marked `"unchanged": true` (test/e2e/apps) are already optimised: `dockopt
 * --write` and `dockopt --write --unsafe` must leave their whole build context, Dockerfile and
 * .dockerignore included, byte for byte as it was, and `--check` must pass. This needs no image
 * build, so it runs in `npm test`; the e2e suite also builds the apps (npm run test:e2e).
 */
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dockopt, readTree, tempDir } from './helpers/cli.js';

const APPS_DIR = join(process.cwd(), 'test', 'e2e', 'apps');
/** Files of an app folder that describe the app and are not part of its build context. */
const NOT_CONTEXT = new Set(['e2e.json', 'best.Dockerfile']);

const unchangedApps = readdirSync(APPS_DIR)
  .filter((name) => {
    const manifest = JSON.parse(readFileSync(join(APPS_DIR, name, 'e2e.json'), 'utf8'));
    return manifest.unchanged === true;
  })
  .sort();

let work = '';
beforeEach(() => {
  work = tempDir('e2e-unchanged');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the app's build context. */
function copyOfApp(app: string): string {
  const dir = join(work, app);
  cpSync(join(APPS_DIR, app), dir, {
    recursive: true,
    filter: (path) => !NOT_CONTEXT.has(relative(join(APPS_DIR, app), path)),
  });
  return dir;
}

test('there are already optimised apps to check', () => {
  expect(unchangedApps).toEqual(['optimised-go', 'optimised-node']);
});

describe.each(unchangedApps)('%s', (app) => {
  test.each([[['--write']], [['--write', '--unsafe']]])('dockopt %p changes nothing', (flags) => {
    const dir = copyOfApp(app);
    const before = readTree(dir);
    const run = dockopt(dir, [...flags, 'Dockerfile']);
    expect(run.stderr).toBe('0 written, 1 unchanged, 0 errors\n');
    expect(run.code).toBe(0);
    expect(readTree(dir)).toEqual(before);
  });

  test.each([[['--check']], [['--check', '--unsafe']]])('dockopt %p passes', (flags) => {
    const run = dockopt(copyOfApp(app), [...flags, 'Dockerfile']);
    expect(run.code).toBe(0);
  });
});
