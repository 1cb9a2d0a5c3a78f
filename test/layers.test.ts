/**
 * The folders import each other only in the directions CONTRIBUTING.md ("Layers") allows, and no
 * module imports itself through others. The rules live in .dependency-cruiser.cjs; this runs them
 * over the real tree, and over a small tree that breaks each kind of rule, to show they bite.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeFiles } from './helpers/cli.js';

const ROOT = process.cwd();
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string): { code: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [DEPCRUISE, '--config', CONFIG, '--output-type', 'err', 'src', 'transforms'],
    { cwd, encoding: 'utf8' },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('import directions between folders', () => {
  it('the project itself keeps them', () => {
    const { code, output } = cruise(ROOT);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  }, 60_000);

  it('a tree that breaks them is rejected, rule by rule', () => {
    const dir = tempDir('layers');
    copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    writeFiles(dir, {
      'src/core/model.ts': `export type Model = { text: string };\n`,
      // bash layer reaching up into the Dockerfile model
      'src/shell/query.ts': `import type { Model } from '../core/model.js';\nexport type Q = Model;\n`,
      // core reaching into package knowledge and the command line
      'src/packages/apt.ts': `export const apt = 1;\n`,
      'src/cli/main.ts': `export const main = 1;\n`,
      'src/core/engine.ts': `import { apt } from '../packages/apt.js';\nimport { main } from '../cli/main.js';\nexport const e = apt + main;\n`,
      // the library reaching into the command line
      'src/verify/api.ts': `import { main } from '../cli/main.js';\nexport const v = main;\n`,
      // a transform that builds images
      'src/builder/buildah.ts': `export const b = 1;\n`,
      'transforms/x/index.ts': `import { b } from '../../src/builder/buildah.js';\nexport const x = b;\n`,
      // a cycle through types only
      'src/cli/a.ts': `import type { B } from './b.js';\nexport type A = { b?: B };\n`,
      'src/cli/b.ts': `import type { A } from './a.js';\nexport type B = { a?: A };\n`,
    });
    const { code, output } = cruise(dir);
    expect(code).not.toBe(0);
    for (const violation of [
      'shell-imports-only-itself: src/shell/query.ts → src/core/model.ts',
      'core-imports-only-shell: src/core/engine.ts → src/packages/apt.ts',
      'core-imports-only-shell: src/core/engine.ts → src/cli/main.ts',
      'src/verify/api.ts → src/cli/main.ts',
      'transforms-imports-only-shell-core-packages-data: transforms/x/index.ts → src/builder/buildah.ts',
      'no-cycles: src/cli/a.ts',
    ])
      expect(output).toContain(violation);
  }, 60_000);
});
