/**
 * The documentation cannot drift from the code: the transforms table is what the registry says,
 * the README's example diff is what the CLI prints on the example it names, and every relative
 * link points at a file that exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dockopt, tempDir } from './helpers/cli.js';

const ROOT = process.cwd();

function table(args: string[]): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/transforms-table.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('docs/transforms.md', () => {
  it('is generated from the registry as it is now', () => {
    const { code, output } = table(['--check']);
    expect(output).toContain('is up to date (27 transforms)');
    expect(code).toBe(0);
  });

  it('is reported out of date when a row differs from the metadata', () => {
    const copy = join(tempDir('docs'), 'transforms.md');
    const page = readFileSync(join(ROOT, 'docs', 'transforms.md'), 'utf8');
    const stale = page.replace(
      '**Merge consecutive RUN instructions.**',
      '**Merge RUN instructions.**',
    );
    expect(stale).not.toBe(page);
    writeFileSync(copy, stale);
    const { code, output } = table(['--check', '--file', copy]);
    expect(output).toContain('is out of date');
    expect(code).toBe(1);
  });
});

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('shows the diff the CLI prints on the example it names, whole', () => {
    const shown = /On \[`(examples\/[^`]+)`\][^\n]*\n\n```diff\n([\s\S]*?)```/.exec(readme);
    expect(shown).not.toBeNull();
    const [, example, diff] = shown!;
    const run = dockopt(ROOT, [example]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(diff);
  });

  it('gives the three commands that work from a fresh clone', () => {
    for (const command of ['npm ci', 'npx dockopt examples/', 'npm test'])
      expect(readme).toContain(command);
  });
});

describe('relative links in the documentation', () => {
  const pages = [
    'README.md',
    'CONTRIBUTING.md',
    ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`),
    ...readdirSync(join(ROOT, 'transforms'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `transforms/${entry.name}/README.md`),
  ].filter((page) => page.endsWith('.md'));

  it.each(pages)('%s links only to files that exist', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1].split('#')[0])
      .filter((target) => target !== '' && !/^[a-z]+:/.test(target))
      .filter((target) => !existsSync(join(ROOT, dirname(page), target)));
    expect(broken).toEqual([]);
  });
});
