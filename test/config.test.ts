/**
 * Configuration files through the real CLI: which file applies (nearest wins), what it may set
 * (selection, options, settings, excludes, per-glob overrides, custom transforms), --config and
 * --no-config, the command line beating the file, and validation errors naming file and key.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTransforms } from '../transforms/index.js';
import { ConfigLoader } from '../src/cli/config/load.js';
import { ConfigError } from '../src/cli/config/schema.js';
import { dockopt, tempDir, writeFiles } from './helpers/cli.js';

/** apt-hygiene and collapse-run both have something to do here. */
const APT =
  'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y make\nRUN echo done\n';

/**
 * A custom transform that fixes nothing and reports the options and settings it was given, so a
 * test can read, per file, what the configuration resolved to.
 */
const PROBE = `import { defineTransform } from 'dockopt';
export default defineTransform({
  meta: {
    id: 'probe', title: 'Probe', description: 'reports its options and settings',
    safety: 'safe', category: 'practice',
    options: { level: { type: 'number', default: 0, description: 'a number' } },
  },
  create(ctx) {
    const node = ctx.model.instructions[0];
    ctx.report({ node, message: \`level=\${ctx.options.level} cache=\${ctx.settings.cacheStrategy} base=\${ctx.settings.basePolicy}\` });
  },
});
`;

let dir: string;
beforeEach(() => {
  dir = tempDir('config');
  // Custom transforms import 'dockopt': make the package resolvable from the temp dir.
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(process.cwd(), join(dir, 'node_modules', 'dockopt'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `file: transforms applied` for each file of a dry run. */
function applied(stderr: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of stderr.matchAll(/^(\S+):\d+: ([a-z-]+): (?!not fixed)/gm))
    out[m[1]] = [...new Set([...(out[m[1]] ?? []), m[2]])].sort();
  return out;
}
/** `file: probe message` for each file. */
function probes(stderr: string): Record<string, string> {
  return Object.fromEntries(
    [...stderr.matchAll(/^(\S+):\d+: probe: not fixed: (.*)$/gm)].map((m) => [m[1], m[2]]),
  );
}

test('the nearest configuration file wins, whole: rc (YAML, JSON), config module, package.json', () => {
  writeFiles(dir, {
    '.dockoptrc': 'disable: [apt-hygiene]\n',
    'root/Dockerfile': APT,
    'json/.dockoptrc.json': '{ "disable": ["collapse-run"] }',
    'json/Dockerfile': APT,
    'json/deeper/Dockerfile': APT,
    'mjs/dockopt.config.mjs': "export default { only: ['apt-hygiene'] };\n",
    'mjs/Dockerfile': APT,
    'pkg/package.json':
      '{ "name": "x", "dockopt": { "disable": ["apt-hygiene", "collapse-run"] } }',
    'pkg/Dockerfile': APT,
    'nokey/package.json': '{ "name": "y" }',
    'nokey/Dockerfile': APT,
    // Two folders without a configuration between the file and the one that has it.
    'deep/.dockoptrc.yml': 'disable: [collapse-run]\n',
    'deep/a/notes.txt': 'not a configuration\n',
    'deep/a/b/Dockerfile': APT,
  });
  const run = dockopt(dir, ['root', 'json', 'mjs', 'pkg', 'nokey', 'deep']);
  expect(run.code).toBe(0);
  expect(applied(run.stderr)).toEqual({
    'root/Dockerfile': ['collapse-run'],
    'json/Dockerfile': ['apt-hygiene'],
    'json/deeper/Dockerfile': ['apt-hygiene'],
    'mjs/Dockerfile': ['apt-hygiene'],
    // A package.json without a "dockopt" key is passed over: the search goes on upwards.
    'nokey/Dockerfile': ['collapse-run'],
    'deep/a/b/Dockerfile': ['apt-hygiene'],
  });
  expect(run.stderr).toContain('6 changed, 1 unchanged, 0 errors');
});

test('options, settings, per-glob overrides and excludes', () => {
  writeFiles(dir, {
    'repo/.dockoptrc.yaml': [
      'transforms: [./probe.mjs]',
      'options: { probe: { level: 1 } }',
      'settings: { cacheStrategy: mounts }',
      'exclude: [generated/]',
      'overrides:',
      '  - files: ["services/legacy/**"]',
      '    options: { probe: { level: 2 } }',
      '  - files: "*.dev"',
      '    excludeFiles: ["services/legacy/**"]',
      '    settings: { basePolicy: alpine }',
      '    disable: [probe]',
      '',
    ].join('\n'),
    'repo/probe.mjs': PROBE,
    'repo/Dockerfile': 'FROM alpine\n',
    'repo/services/legacy/Dockerfile': 'FROM alpine\n',
    'repo/services/legacy/Dockerfile.dev': 'FROM alpine\n',
    'repo/services/api/Dockerfile.dev': 'FROM alpine\n',
    'repo/generated/Dockerfile': 'FROM alpine\n',
  });
  const run = dockopt(dir, ['-v', 'repo']);
  expect(run.code).toBe(0);
  expect(probes(run.stderr)).toEqual({
    'repo/Dockerfile': 'level=1 cache=mounts base=slim',
    'repo/services/legacy/Dockerfile': 'level=2 cache=mounts base=slim',
    'repo/services/legacy/Dockerfile.dev': 'level=2 cache=mounts base=slim',
  });
  // generated/ is excluded; api/Dockerfile.dev has the probe disabled.
  expect(run.stderr).toContain('0 changed, 4 unchanged, 0 errors');
});

test('the command line beats the configuration file', () => {
  writeFiles(dir, {
    '.dockoptrc.yaml':
      'transforms: [./probe.mjs]\ndisable: [collapse-run]\nsettings: { basePolicy: alpine }\n',
    'probe.mjs': PROBE,
    Dockerfile: APT,
  });
  const run = dockopt(dir, ['-v', '--enable', 'collapse-run', '--base-policy', 'distroless', '.']);
  expect(applied(run.stderr)['Dockerfile']).toEqual(['apt-hygiene', 'collapse-run']);
  expect(probes(run.stderr)['Dockerfile']).toBe('level=0 cache=cleanup base=distroless');
});

test('--config FILE applies one file everywhere; --no-config ignores them all', () => {
  writeFiles(dir, {
    'a/.dockoptrc': 'disable: [apt-hygiene]\n',
    'a/Dockerfile': APT,
    'shared/dockopt.config.json': '{ "only": ["apt-hygiene"] }',
  });
  const withFile = dockopt(dir, ['--config', 'shared/dockopt.config.json', 'a']);
  expect(applied(withFile.stderr)).toEqual({ 'a/Dockerfile': ['apt-hygiene'] });
  const without = dockopt(dir, ['--no-config', 'a']);
  expect(applied(without.stderr)).toEqual({ 'a/Dockerfile': ['apt-hygiene', 'collapse-run'] });
  const missing = dockopt(dir, ['--config', 'nope.json', 'a']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^dockopt: nope\.json: cannot read: .*no such file/);
});

test.each([
  ['.dockoptrc.yaml', 'optons: {}\n', 'optons: unknown key (known: only, enable, disable'],
  ['.dockoptrc.yaml', 'disable: [colapse-run]\n', 'disable[0]: unknown transform "colapse-run"'],
  [
    '.dockoptrc.json',
    '{ "overrides": [{ "files": "*.dev", "enable": ["nope"] }] }',
    'overrides[0].enable[0]: unknown transform "nope"',
  ],
  [
    '.dockoptrc.json',
    '{ "overrides": [{ "files": "*.dev", "colour": true }] }',
    'overrides[0].colour: unknown key',
  ],
  ['.dockoptrc.json', '{ "overrides": [{ "enable": [] }] }', 'overrides[0].files: must be a list'],
  [
    '.dockoptrc.yaml',
    'options: { collapse-run: { wrapLeaks: 3 } }\n',
    'options.collapse-run: option collapse-run.wrapLeaks must be a boolean',
  ],
  [
    '.dockoptrc.yaml',
    'options: { collapse-run: { wrap: true } }\n',
    'options.collapse-run: transform collapse-run has no option "wrap"',
  ],
  [
    '.dockoptrc.yaml',
    'settings: { cacheStrategy: always }\n',
    'settings.cacheStrategy: must be one of cleanup, mounts',
  ],
  ['.dockoptrc.yaml', 'unsafe: yes please\n', 'unsafe: must be true or false'],
  ['.dockoptrc.json', '{ "only": [ }', 'cannot read:'],
  ['.dockoptrc.yaml', 'transforms: [./missing.mjs]\n', 'transforms: cannot load transform'],
])('%s with %j: an error naming the file and the key', async (name, text, message) => {
  writeFiles(dir, { [`repo/${name}`]: text, 'repo/Dockerfile': APT });
  const loader = new ConfigLoader(undefined, builtinTransforms);
  const error = await loader.forFile(join(dir, 'repo', 'Dockerfile')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).file).toBe(join(dir, 'repo', name));
  expect((error as ConfigError).message).toContain(message);
});

test('the search caches are emptied past 4,096 folders, and results stay the same', async () => {
  writeFiles(dir, {
    'fleet/.dockoptrc.yml': 'disable: [collapse-run]\n',
    'fleet/own/.dockoptrc.json': '{ "disable": ["apt-hygiene"] }',
  });
  const folders = Array.from({ length: 4200 }, (_, i) => join(dir, 'fleet', `svc-${i}`));
  for (const folder of folders) mkdirSync(folder);
  const loader = new ConfigLoader(undefined, builtinTransforms);
  const disabledFor = async (folder: string) =>
    (await loader.forFile(join(folder, 'Dockerfile')))?.config.disable;
  for (const folder of folders) expect(await disabledFor(folder)).toEqual(['collapse-run']);
  // The first folders again, after the caches were emptied; and a nearer file still wins.
  expect(await disabledFor(folders[0])).toEqual(['collapse-run']);
  expect(await disabledFor(join(dir, 'fleet', 'own'))).toEqual(['apt-hygiene']);
});

test('a bad configuration stops the run before any file is processed: exit 2', () => {
  writeFiles(dir, {
    'repo/.dockoptrc.yaml': 'disable: [colapse-run]\n',
    'repo/Dockerfile': APT,
    'other/Dockerfile': APT,
  });
  const run = dockopt(dir, ['--write', 'other', 'repo']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    'dockopt: repo/.dockoptrc.yaml: disable[0]: unknown transform "colapse-run" (known: ' +
      builtinTransforms.map((t) => t.meta.id).join(', ') +
      ')\n',
  );
  expect(readFileSync(join(dir, 'other/Dockerfile'), 'utf8')).toBe(APT);
});

test('--transform loads a custom transform; it runs on workers too, with the same results', () => {
  const example = join(process.cwd(), 'examples', 'custom-transform', 'from-as-uppercase.mjs');
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`s${i}/Dockerfile`] = `FROM debian as build\nRUN echo ${i}\n`;
  writeFiles(dir, files);
  const args = ['--transform', example, '--enable', 'from-as-uppercase', '.'];
  const inBand = dockopt(dir, ['--run-in-band', ...args]);
  expect(inBand.code).toBe(0);
  expect(inBand.stdout).toContain('-FROM debian as build\n+FROM debian AS build\n');
  expect(inBand.stderr).toContain('s0/Dockerfile:1: from-as-uppercase: wrote "as" as "AS"');
  expect(inBand.stderr).toContain('40 changed');
  expect(dockopt(dir, ['-j', '2', ...args])).toEqual(inBand);
  // Its options come from a config file like a built-in's.
  writeFiles(dir, { '.dockoptrc.yaml': 'options: { from-as-uppercase: { keyword: As } }\n' });
  expect(dockopt(dir, [...args]).stdout).toContain('+FROM debian As build\n');
});

test('a module that is not a transform is refused with the reason', () => {
  writeFiles(dir, { 'bad.mjs': 'export default { meta: { id: "Bad Id" } };\n', Dockerfile: APT });
  const run = dockopt(dir, ['--transform', 'bad.mjs', '.']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('bad.mjs: not a transform (no create(ctx) function)');
});
